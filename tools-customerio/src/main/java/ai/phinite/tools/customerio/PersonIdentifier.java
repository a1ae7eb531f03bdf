package ai.phinite.tools.customerio;

import ai.phinite.tools.annotations.Arg;

/**
 * A person named by exactly one of their identifiers, as the {@code primary} and
 * {@code secondary} of Merge Customers and the {@code identifiers} of transactional messages
 * expect: {@code {"id": ...}}, {@code {"email": ...}} or {@code {"cio_id": ...}}. Every use
 * carries {@code minProperties = 1, maxProperties = 1}, so the schema refuses an object with none
 * or with two of them.
 *
 * <p>⚠ No source says whether {@code cio_id} takes the {@code cio_} prefix here (the Track path
 * form does); the SDKs send the value as given, presumably without the prefix.
 *
 * @param id the person's id
 * @param email the person's email address
 * @param cioId the person's Customer.io id
 */
public record PersonIdentifier(
    @Arg(value = "The person's id (at most 150 bytes).", required = false, minLength = 1,
        maxBytes = 150)
    String id,
    @Arg(value = "The person's email address.", required = false, format = "email",
        maxBytes = 150)
    String email,
    @Arg(value = "The person's Customer.io id (cio_id).",
        required = false, minLength = 1)
    String cioId) {}
