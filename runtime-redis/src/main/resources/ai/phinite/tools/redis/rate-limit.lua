-- One rate-limit key of RedisRateLimiter, atomically. Times are microseconds of the Redis server's
-- clock (TIME), so the clocks of the replicas never matter.
--   KEYS[1]  the next free slot of the limit (a virtual-scheduling token bucket, GCRA)
--   KEYS[2]  the time before which nothing may be sent (a server's 429 reset)
--   ARGV[1]  'take': reserve a slot; 'peek': how long until a slot is free; 'pause': pause the key
--   take, peek: ARGV[2] interval between requests, ARGV[3] burst (window - interval),
--               ARGV[4] (take) the longest wait the caller accepts
--   pause:      ARGV[2] how long from now the pause lasts
-- Returns the wait in microseconds before the slot (0: now), or -1 when it is later than ARGV[4].
if redis.replicate_commands then
  pcall(redis.replicate_commands)
end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local mode = ARGV[1]

if mode == 'pause' then
  local length = tonumber(ARGV[2])
  local untilUs = now + length
  local current = tonumber(redis.call('GET', KEYS[2]) or '0')
  if length > 0 and untilUs > current then
    redis.call('SET', KEYS[2], string.format('%d', untilUs), 'PX', math.ceil(length / 1000) + 1)
  end
  return 0
end

local interval = tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
-- the earliest slot: a full burst after idling; after a pause, the steady rate from its end
-- (as the runtime's in-memory limiter does)
local slot = math.max(now - burst, paused)
local nextFree = redis.call('GET', KEYS[1])
if nextFree then
  slot = math.max(slot, tonumber(nextFree))
end
local wait = math.max(0, slot - now)
if mode == 'peek' then
  return wait
end
if wait > tonumber(ARGV[4]) then
  return -1
end
local after = slot + interval
-- the key is worth nothing once a full burst is free again
redis.call('SET', KEYS[1], string.format('%d', after), 'PX', math.ceil((after + burst - now) / 1000) + 1)
return wait
