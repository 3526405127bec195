-- wrk script: cycles through searches typed the way people type, in both languages (folded and unfolded
-- diacritics, word forms, prefixes, stop words, a rare token, and queries that find nothing), misspelt (a letter
-- missing, doubled, swapped: answered by typo correction) and by a synonym.
local queries = {
  "/lv/search?q=paroli", "/lv/search?q=parole", "/lv/search?q=viedtalrunis", "/lv/search?q=viedt%C4%81lrunis",
  "/lv/search?q=atiestat", "/lv/search?q=QR%20kods", "/lv/search?q=lejupieladet%20lietotni", "/lv/search?q=eki",
  "/en/search?q=password", "/en/search?q=passwords", "/en/search?q=passw", "/en/search?q=how%20do%20I%20reset%20my%20password",
  "/en/search?q=confirmation%20email", "/en/search?q=qr%20code", "/en/search?q=k01234", "/en/search?q=zzqx%20nothing",
  "/en/search?q=pasword", "/en/search?q=paasword%20reset", "/en/search?q=passwrod%20", "/lv/search?q=autentifkacija",
  "/lv/search?q=aizmirsu%20parolli", "/lv/search?q=telefons",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", queries[(i % #queries) + 1])
end

done = function(summary, latency, requests)
  io.write(string.format("requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
