package ai.phinite.tools.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A base URL of a {@link Server} chosen by a credential value.
 *
 * <p>With {@link #equals()} set, the variant applies when the credential has exactly that value
 * (e.g. {@code region = "eu"}); without it, the variant applies whenever the credential has a
 * non-blank value (e.g. an optional {@code org_name} that selects an org-specific host).
 *
 * <p>A server's variants are tried in declaration order and the first that applies wins, so the
 * order says which credential takes precedence: an org host chosen by {@code org_name}, and only
 * without one a regional host chosen by {@code region}:
 *
 * <pre>{@code
 * variants = {
 *     @ServerVariant(credential = "org_name", url = "https://{org_name}.api.example.com/v1"),
 *     @ServerVariant(credential = "region", equals = "eu", url = "https://api.eu.example.com/v1")}
 * }</pre>
 *
 * <p>When the credential declares {@link Credential#allowed()} values, {@link #equals()} must be
 * one of them (the build fails otherwise: the variant could never apply).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface ServerVariant {
  /** The credential whose value selects this variant. */
  String credential();

  /** The value that selects this variant; empty means "any non-blank value". */
  String equals() default "";

  /** The base URL of this variant; may name credentials in braces like {@link Server#url()}. */
  String url();
}
