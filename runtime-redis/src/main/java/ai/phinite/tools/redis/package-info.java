/**
 * Rate limits that hold across replicas: {@link ai.phinite.tools.redis.RedisRateLimiter} keeps the
 * runtime's {@link ai.phinite.tools.runtime.RateLimiter} state in Redis. See
 * {@code docs/operations.md} for running it across replicas and its failure modes.
 */
package ai.phinite.tools.redis;
