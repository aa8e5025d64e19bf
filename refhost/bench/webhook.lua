-- wrk script: pre-signed Twilio inbound SMS webhooks (lines "body TAB signature" written by
-- SignedWebhooks), in turn; "baseline": a static file of the same Jetty instead; "forged": the same
-- bodies with a wrong signature (the webhook's path through Jersey and the check, without storing).
local requests, kind
local counter = 0

function init(args)
  kind = args[1] or 'webhook'
  if kind ~= 'baseline' then
    requests = {}
    for line in io.lines(args[2]) do
      local body, signature = line:match('^([^\t]*)\t(.*)$')
      requests[#requests + 1] = { body, signature }
    end
  end
  counter = tonumber(tostring({}):sub(8), 16) % 1000
end

function request()
  if kind == 'baseline' then return wrk.format('GET', '/static/host.js') end
  counter = counter + 1
  local r = requests[(counter % #requests) + 1]
  return wrk.format('POST', '/rest/messaging/1.0/webhooks/twilio/sms',
    { ['Content-Type'] = 'application/x-www-form-urlencoded',
      ['X-Twilio-Signature'] = kind == 'forged' and 'bm90LWEtc2lnbmF0dXJl' or r[2] }, r[1])
end
