-- wrk script for scripts/bench-checkins.sh: every request checks in a different ticket
-- (thread n takes tickets n, n + T, n + 2T …), with its own client id and the time of the
-- scan, as a scanner would send it.
local tokens = {}
for line in io.lines(os.getenv("KOZOS_TOKENS")) do
  tokens[#tokens + 1] = line
end
local activity = os.getenv("KOZOS_ACTIVITY")
local bearer = os.getenv("KOZOS_BEARER")
local threads = tonumber(os.getenv("KOZOS_THREADS") or "2")

local count = 0
function setup(thread)
  thread:set("tid", count)
  count = count + 1
end

local sent = 0
request = function()
  local i = sent * threads + (tid or 0) + 1
  sent = sent + 1
  local token = tokens[((i - 1) % #tokens) + 1]
  local body = string.format(
    '{"activity_id":%s,"token":"%s","scanned_at":"%s","client_id":"bench-%d-%d"}',
    activity, token, os.date("!%Y-%m-%dT%H:%M:%SZ"), tid or 0, sent)
  return wrk.format("POST", "/api/v1/check-ins", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. bearer,
  }, body)
end
