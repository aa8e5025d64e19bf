-- wrk script: each request as a random generated recruiter (HTTP Basic rec<N>:bench).
-- args: kind (unread|list|history|baseline) recruiters conversationsPerRecruiter
local b64chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
local function base64(data)
  return ((data:gsub('.', function(x)
    local r, b = '', x:byte()
    for i = 8, 1, -1 do r = r .. (b % 2 ^ i - b % 2 ^ (i - 1) > 0 and '1' or '0') end
    return r
  end) .. '0000'):gsub('%d%d%d?%d?%d?%d?', function(x)
    if #x < 6 then return '' end
    local c = 0
    for i = 1, 6 do c = c + (x:sub(i, i) == '1' and 2 ^ (6 - i) or 0) end
    return b64chars:sub(c + 1, c + 1)
  end) .. ({ '', '==', '=' })[#data % 3 + 1])
end

local kind, recruiters, per
local auth = {}

function init(args)
  kind = args[1] or 'unread'
  recruiters = tonumber(args[2] or '1000')
  per = tonumber(args[3] or '100')
  for r = 1, recruiters do auth[r] = 'Basic ' .. base64('rec' .. r .. ':bench') end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  if kind == 'baseline' then return wrk.format('GET', '/static/host.js') end
  local r = math.random(recruiters)
  local headers = { ['Authorization'] = auth[r] }
  local path
  if kind == 'unread' then
    path = '/rest/messaging/1.0/unread'
  elseif kind == 'list' then
    path = '/rest/messaging/1.0/conversations?limit=20'
  else
    path = '/rest/messaging/1.0/conversations/' .. ((r - 1) * per + math.random(per)) .. '/messages?limit=50'
  end
  return wrk.format('GET', path, headers)
end

local failures = 0
function response(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end

function done(summary, latency, requests)
  io.write(string.format('p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  %8.0f req/s  non-200: %d\n',
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6), summary.errors.status))
end
