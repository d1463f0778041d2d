-- inburgering.lua — the rules of stdlib-policies/inburgering.regel written by
-- hand in plain Lua 5.4, as an embedding developer would (make bench peer).
-- Usage: lua5.4 inburgering.lua CASES.jsonl OUT.jsonl RUNS
--
-- Dates are day numbers (days since 1970-01-01), amounts are cents, periods
-- are {van, tot} pairs of day numbers. Every case must be complete (every
-- input key present, as bench/gen writes them): unknown facts are not
-- modelled here, only "null = geen" for the optional dates and open `tot`.

---------------------------------------------------------------------------
-- Calendar (contract, section 1)
---------------------------------------------------------------------------

-- Days since 1970-01-01 from a civil date and back (Howard Hinnant).
local function days_from_civil(y, m, d)
  if m <= 2 then y = y - 1 end
  local era = (y >= 0 and y or y - 399) // 400
  local yoe = y - era * 400
  local mp = m > 2 and m - 3 or m + 9
  local doy = (153 * mp + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

local function civil_from_days(z)
  z = z + 719468
  local era = (z >= 0 and z or z - 146096) // 146097
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp < 10 and mp + 3 or mp - 9
  local y = yoe + era * 400
  if m <= 2 then y = y + 1 end
  return y, m, d
end

local MONTH_LENGTH = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }

local function month_length(y, m)
  if m == 2 and ((y % 4 == 0 and y % 100 ~= 0) or y % 400 == 0) then
    return 29
  end
  return MONTH_LENGTH[m]
end

-- date + n maanden: the same day n months later, or the last day of a
-- shorter month (2023-01-31 + 1 maand = 2023-02-28).
local function add_months(date, n)
  local y, m, d = civil_from_days(date)
  local mi = y * 12 + (m - 1) + n
  y = mi // 12
  m = mi % 12 + 1
  local last = month_length(y, m)
  if d > last then d = last end
  return days_from_civil(y, m, d)
end

-- Whole years from a to b (a <= b): the largest n with a + n jaar <= b.
local function whole_years(a, b)
  local ay, am, ad = civil_from_days(a)
  local by, bm, bd = civil_from_days(b)
  local n = by - ay
  local last = month_length(by, am)
  if ad > last then ad = last end
  if bm < am or (bm == am and bd < ad) then n = n - 1 end
  return n
end

-- leeftijd van birth op `on` (born on 29 February: a year older on
-- 28 February in a common year). Born after `on`, the age is minus the whole
-- years from `on` to the birth, as `jaren tussen` in doc/taal.md.
local function age(birth, on)
  if birth > on then return -whole_years(on, birth) end
  return whole_years(birth, on)
end

---------------------------------------------------------------------------
-- Periods: cut to a window, merge, measure
---------------------------------------------------------------------------

local function by_van(a, b) return a.van < b.van end

-- Cut every period to lo..hi (an open `tot` runs to hi), leave out what is
-- empty after cutting, and merge overlapping or touching periods.
local function cut_and_merge(periods, lo, hi)
  local cut = {}
  for i = 1, #periods do
    local p = periods[i]
    local van, tot = p.van, p.tot or hi
    if van < lo then van = lo end
    if tot > hi then tot = hi end
    if tot >= van then cut[#cut + 1] = { van = van, tot = tot } end
  end
  table.sort(cut, by_van)
  local runs, last = {}, nil
  for i = 1, #cut do
    local p = cut[i]
    if last and p.van <= last.tot + 1 then
      if p.tot > last.tot then last.tot = p.tot end
    else
      last = p -- a fresh table from the cut above: extend it in place
      runs[#runs + 1] = last
    end
  end
  return runs
end

-- A run lasts n months when van + n maanden <= tot + 1 dag.
local function lasts_months(run, n)
  return add_months(run.van, n) <= run.tot + 1
end

---------------------------------------------------------------------------
-- Parameters
---------------------------------------------------------------------------

-- vergoeding_per_eenheid: 0 euro before 1 March 2022, 90 euro from that day
-- on, taken on the day of the event (signature or test), not the peildatum.
local PAID_FROM = days_from_civil(2022, 3, 1)
local function fee_per_unit(day)
  if day < PAID_FROM then return 0 end
  return 9000
end

local PARTICIPATION_MIN_HOURS = 40
local RESIDENCE_FROM = days_from_civil(1900, 1, 1)

---------------------------------------------------------------------------
-- The rules: one case in, the 34 outcomes out (nil = geen)
---------------------------------------------------------------------------

local function decide(c)
  local leeftijd = age(c.geboortedatum, c.peildatum)
  local status = c.status

  local vrijgesteld = c.ernstig_ziek or c.handicap
  local plicht = status == "verplicht" and not vrijgesteld

  -- Fees: per contract 2 units, per test attempt (any soort, passed or
  -- not) 1 unit, each at the fee valid on the day of the event.
  local fee_contract = 0
  if c.contract_getekend then
    fee_contract = 2 * fee_per_unit(c.contract_getekend)
  end
  local fee_tests = 0
  local first_nt2, first_mo, b1_passed = nil, nil, false
  local tests = c.toetsen
  for i = 1, #tests do
    local t = tests[i]
    fee_tests = fee_tests + fee_per_unit(t.datum)
    if t.geslaagd then
      if t.soort == "nt2" then
        if not first_nt2 or t.datum < first_nt2 then first_nt2 = t.datum end
      elseif t.soort == "mo" then
        if not first_mo or t.datum < first_mo then first_mo = t.datum end
      else
        b1_passed = true
      end
    end
  end

  -- VDAB: within 2 months of the start; no lower bound.
  local start, vdab = c.start_traject, c.vdab_aanmelding
  local vdab_deadline = start and add_months(start, 2)
  local vdab_in_time = (start and vdab and vdab <= vdab_deadline) or false

  local works_or_studies = c.werkt or c.studeert
  local participation_required = not (works_or_studies or status == "vrijwillig")
  local participation_done = not participation_required
    or c.participatie_uren >= PARTICIPATION_MIN_HOURS

  local attest = status ~= "geen" and first_nt2 ~= nil and first_mo ~= nil
    and vdab ~= nil and participation_done
  local completed = nil
  if attest then
    completed = first_nt2 >= first_mo and first_nt2 or first_mo
  end

  -- B1 test: obliged, completed at 18..65, and no merged run of 6 months of
  -- activity in the window completed .. completed + 24 months.
  local b1_required, b1_deadline = false, nil
  if plicht and completed then
    local age_at = age(c.geboortedatum, completed)
    if age_at >= 18 and age_at <= 65 then
      local window_end = add_months(completed, 24)
      local active = false
      local runs = cut_and_merge(c.activiteiten, completed, window_end)
      for i = 1, #runs do
        if lasts_months(runs[i], 6) then
          active = true
          break
        end
      end
      if not active then
        b1_required = true
        b1_deadline = window_end
      end
    end
  end

  local peil = c.peildatum
  local interpreting_free = start ~= nil and start <= peil
    and (completed == nil or peil <= completed)

  local fulfilled = not plicht or attest

  -- Residence up to peildatum.
  local days, five_years, legal = 0, false, false
  local runs = cut_and_merge(c.verblijf, RESIDENCE_FROM, peil)
  for i = 1, #runs do
    local r = runs[i]
    days = days + (r.tot - r.van + 1)
    if not five_years and lasts_months(r, 60) then five_years = true end
    if r.van <= peil and peil <= r.tot then legal = true end
  end
  local ten_years = days >= 3652

  local care = ten_years and five_years and fulfilled
  local priority
  if not c.wachtlijst_ouderenzorg then
    priority = "niet_van_toepassing"
  elseif five_years and fulfilled then
    priority = "voorrang"
  else
    priority = "geen_voorrang"
  end

  return {
    leeftijd = leeftijd,
    toegang_inburgeringscursus = c.register == "vreemdelingenregister"
      or c.register == "bevolkingsregister",
    vrijgesteld = vrijgesteld,
    inburgeringsplicht = plicht,
    vereist_taalniveau = c.laaggeletterd and "aangepast" or "A2",
    aanbod = works_or_studies and "avond_of_weekend" or "regulier",
    vergoeding_contract = fee_contract,
    vergoeding_toetsen = fee_tests,
    vergoeding_totaal = fee_contract + fee_tests,
    nt2_geslaagd = first_nt2 ~= nil,
    mo_geslaagd = first_mo ~= nil,
    b1_geslaagd = b1_passed,
    vdab_uiterste_datum = vdab_deadline,
    vdab_tijdig = vdab_in_time,
    participatie_verplicht = participation_required,
    participatie_voldaan = participation_done,
    inburgeringsattest = attest,
    datum_afronding = completed,
    b1_test_verplicht = b1_required,
    b1_uiterste_datum = b1_deadline,
    sociaal_tolken_kosteloos = interpreting_free,
    advies_dvz = plicht,
    voldaan_inburgeringsplicht = fulfilled,
    taalattest_betalend = status == "geen",
    verblijf_totaal_dagen = days,
    verblijf_5_jaar_ononderbroken = five_years,
    verblijf_10_jaar = ten_years,
    wettig_verblijf = legal,
    voorwaarde_zorgpremie = five_years and fulfilled,
    voorwaarde_zorgbudget_zwaar_zorgbehoevend = leeftijd < 18 or care,
    voorwaarde_zorgbudget_ouderen = care,
    voorrang_ouderenzorg = priority,
    groeipakket_uitgesloten = c.asielprocedure_lopend,
    doelgroep_integratiebeleid = legal and not (c.woonwagenbewoner or c.rondtrekkend),
  }
end

---------------------------------------------------------------------------
-- JSON in: lua-cjson when installed, else a small decoder (not timed)
---------------------------------------------------------------------------

local NULL = {}
local decode

local has_cjson, cjson = pcall(require, "cjson")
if has_cjson then
  NULL = cjson.null
  decode = function(s)
    local ok, v = pcall(cjson.decode, s)
    if not ok then error("ongeldige JSON: " .. tostring(v):gsub("^.-:%d+: ", ""), 0) end
    return v
  end
else
  local byte, find, sub = string.byte, string.find, string.sub
  local escapes = { b = "\b", f = "\f", n = "\n", r = "\r", t = "\t" }
  local value

  local function fail(s, i, what)
    error(string.format("ongeldige JSON bij teken %d: %s", i, what), 0)
  end

  local function skip(s, i)
    return find(s, "[^ \t\r\n]", i) or #s + 1
  end

  local function str(s, i)
    local out, j = {}, i + 1
    while true do
      local k = find(s, '["\\]', j)
      if not k then fail(s, i, "tekst zonder einde") end
      out[#out + 1] = sub(s, j, k - 1)
      if byte(s, k) == 34 then return table.concat(out), k + 1 end
      local e = sub(s, k + 1, k + 1)
      if e == "u" then
        out[#out + 1] = utf8.char(tonumber(sub(s, k + 2, k + 5), 16))
        j = k + 6
      else
        out[#out + 1] = escapes[e] or e
        j = k + 2
      end
    end
  end

  value = function(s, i)
    i = skip(s, i)
    local ch = sub(s, i, i)
    if ch == "{" then
      local obj = {}
      i = skip(s, i + 1)
      if sub(s, i, i) == "}" then return obj, i + 1 end
      while true do
        if sub(s, i, i) ~= '"' then fail(s, i, "sleutel verwacht") end
        local key
        key, i = str(s, i)
        i = skip(s, i)
        if sub(s, i, i) ~= ":" then fail(s, i, "':' verwacht") end
        obj[key], i = value(s, i + 1)
        i = skip(s, i)
        ch = sub(s, i, i)
        if ch == "}" then return obj, i + 1 end
        if ch ~= "," then fail(s, i, "',' of '}' verwacht") end
        i = skip(s, i + 1)
      end
    elseif ch == "[" then
      local arr = {}
      i = skip(s, i + 1)
      if sub(s, i, i) == "]" then return arr, i + 1 end
      while true do
        arr[#arr + 1], i = value(s, i)
        i = skip(s, i)
        ch = sub(s, i, i)
        if ch == "]" then return arr, i + 1 end
        if ch ~= "," then fail(s, i, "',' of ']' verwacht") end
        i = i + 1
      end
    elseif ch == '"' then
      return str(s, i)
    elseif sub(s, i, i + 3) == "true" then
      return true, i + 4
    elseif sub(s, i, i + 4) == "false" then
      return false, i + 5
    elseif sub(s, i, i + 3) == "null" then
      return NULL, i + 4
    end
    local _, e = find(s, "^-?%d+%.?%d*[eE]?[-+]?%d*", i)
    if not e then fail(s, i, "waarde verwacht") end
    return tonumber(sub(s, i, e)), e + 1
  end

  decode = function(s)
    local v, i = value(s, 1)
    if skip(s, i) <= #s then fail(s, i, "tekst na de waarde") end
    return v
  end
end

---------------------------------------------------------------------------
-- A JSON case to a plain Lua case (day numbers; nil = geen)
---------------------------------------------------------------------------

local function date_of(text, key)
  local y, m, d = string.match(text, "^(%d%d%d%d)-(%d%d)-(%d%d)$")
  if not y then
    error(string.format("'%s' is geen datum (JJJJ-MM-DD): %s", key, text), 0)
  end
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  if m < 1 or m > 12 or d < 1 or d > month_length(y, m) then
    error(string.format("'%s' is geen bestaande datum: %s", key, text), 0)
  end
  return days_from_civil(y, m, d)
end

local function need(obj, key, kind)
  local v = obj[key]
  if v == nil then error(string.format("de sleutel '%s' ontbreekt", key), 0) end
  if kind and type(v) ~= kind then
    error(string.format("'%s' moet een %s zijn", key, kind == "boolean"
      and "waarheid" or kind == "number" and "getal" or kind == "string"
      and "tekst" or "lijst"), 0)
  end
  return v
end

local function need_member(obj, key, members)
  local v = need(obj, key, "string")
  if not members[v] then
    error(string.format("'%s' heeft een onbekende waarde: %s", key, v), 0)
  end
  return v
end

local REGISTERS = { vreemdelingenregister = true, bevolkingsregister = true,
  wachtregister = true, geen = true }
local STATUSES = { verplicht = true, vrijwillig = true, geen = true }
local TEST_KINDS = { nt2 = true, mo = true, b1 = true }
local ACTIVITY_KINDS = { werk = true, opleiding = true, studie = true }

local function need_date(obj, key)
  return date_of(need(obj, key, "string"), key)
end

local function need_opt_date(obj, key)
  local v = obj[key]
  if v == nil or v == NULL then return nil end
  if type(v) ~= "string" then error(string.format("'%s' moet een datum of null zijn", key), 0) end
  return date_of(v, key)
end

local function need_list(obj, key)
  local v = need(obj, key, "table")
  return v
end

local function to_case(j)
  if type(j) ~= "table" then error("een geval moet een JSON-object zijn", 0) end
  local c = {
    peildatum = need_date(j, "peildatum"),
    geboortedatum = need_date(j, "geboortedatum"),
    register = need_member(j, "register", REGISTERS),
    status = need_member(j, "status", STATUSES),
    ernstig_ziek = need(j, "ernstig_ziek", "boolean"),
    handicap = need(j, "handicap", "boolean"),
    laaggeletterd = need(j, "laaggeletterd", "boolean"),
    werkt = need(j, "werkt", "boolean"),
    studeert = need(j, "studeert", "boolean"),
    contract_getekend = need_opt_date(j, "contract_getekend"),
    start_traject = need_opt_date(j, "start_traject"),
    vdab_aanmelding = need_opt_date(j, "vdab_aanmelding"),
    participatie_uren = need(j, "participatie_uren", "number"),
    wachtlijst_ouderenzorg = need(j, "wachtlijst_ouderenzorg", "boolean"),
    asielprocedure_lopend = need(j, "asielprocedure_lopend", "boolean"),
    woonwagenbewoner = need(j, "woonwagenbewoner", "boolean"),
    rondtrekkend = need(j, "rondtrekkend", "boolean"),
    toetsen = {},
    activiteiten = {},
    verblijf = {},
  }
  if c.participatie_uren < 0 then
    error("'participatie_uren' mag niet negatief zijn", 0)
  end
  for _, t in ipairs(need_list(j, "toetsen")) do
    c.toetsen[#c.toetsen + 1] = {
      soort = need_member(t, "soort", TEST_KINDS),
      datum = need_date(t, "datum"),
      geslaagd = need(t, "geslaagd", "boolean"),
    }
  end
  for _, a in ipairs(need_list(j, "activiteiten")) do
    c.activiteiten[#c.activiteiten + 1] = {
      soort = need_member(a, "soort", ACTIVITY_KINDS),
      van = need_date(a, "van"),
      tot = need_opt_date(a, "tot"),
    }
  end
  for _, p in ipairs(need_list(j, "verblijf")) do
    c.verblijf[#c.verblijf + 1] = { van = need_date(p, "van"), tot = need_opt_date(p, "tot") }
  end
  return c
end

---------------------------------------------------------------------------
-- JSON out: the "uitkomsten" object of `regel --json` (not timed)
---------------------------------------------------------------------------

local OUTCOMES = {
  { "leeftijd", "getal" }, { "toegang_inburgeringscursus" }, { "vrijgesteld" },
  { "inburgeringsplicht" }, { "vereist_taalniveau", "tekst" }, { "aanbod", "tekst" },
  { "vergoeding_contract", "bedrag" }, { "vergoeding_toetsen", "bedrag" },
  { "vergoeding_totaal", "bedrag" }, { "nt2_geslaagd" }, { "mo_geslaagd" },
  { "b1_geslaagd" }, { "vdab_uiterste_datum", "datum" }, { "vdab_tijdig" },
  { "participatie_verplicht" }, { "participatie_voldaan" }, { "inburgeringsattest" },
  { "datum_afronding", "datum" }, { "b1_test_verplicht" }, { "b1_uiterste_datum", "datum" },
  { "sociaal_tolken_kosteloos" }, { "advies_dvz" }, { "voldaan_inburgeringsplicht" },
  { "taalattest_betalend" }, { "verblijf_totaal_dagen", "getal" },
  { "verblijf_5_jaar_ononderbroken" }, { "verblijf_10_jaar" }, { "wettig_verblijf" },
  { "voorwaarde_zorgpremie" }, { "voorwaarde_zorgbudget_zwaar_zorgbehoevend" },
  { "voorwaarde_zorgbudget_ouderen" }, { "voorrang_ouderenzorg", "tekst" },
  { "groeipakket_uitgesloten" }, { "doelgroep_integratiebeleid" },
}

-- An amount in euro as the minimal exact decimal: 180, 12.5, 0.05.
local function euro(cents)
  local sign = cents < 0 and "-" or ""
  cents = math.abs(cents)
  local whole, frac = cents // 100, cents % 100
  if frac == 0 then return string.format("%s%d", sign, whole) end
  if frac % 10 == 0 then return string.format("%s%d.%d", sign, whole, frac // 10) end
  return string.format("%s%d.%02d", sign, whole, frac)
end

local function encode(r)
  local parts = {}
  for i, o in ipairs(OUTCOMES) do
    local key, kind = o[1], o[2]
    local v = r[key]
    local text
    if v == nil then
      text = "null"
    elseif kind == "getal" then
      text = string.format("%d", v)
    elseif kind == "bedrag" then
      text = euro(v)
    elseif kind == "datum" then
      text = string.format("\"%04d-%02d-%02d\"", civil_from_days(v))
    elseif kind == "tekst" then
      text = '"' .. v .. '"'
    else
      text = v and "true" or "false"
    end
    parts[i] = '"' .. key .. '":' .. text
  end
  return "{" .. table.concat(parts, ",") .. "}"
end

---------------------------------------------------------------------------
-- Main: parse (not timed), evaluate once and write, time RUNS passes
---------------------------------------------------------------------------

local function main(cases_path, out_path, runs)
  runs = tonumber(runs)
  if not cases_path or not out_path or not runs or runs < 1 then
    io.stderr:write("gebruik: lua5.4 inburgering.lua GEVALLEN.jsonl UIT.jsonl AANTAL_RONDES\n")
    return 2
  end
  local input, err = io.open(cases_path, "r")
  if not input then
    io.stderr:write("inburgering.lua: kan ", cases_path, " niet openen: ", err, "\n")
    return 1
  end
  local cases, n = {}, 0
  for line in input:lines() do
    n = n + 1
    if line:find("%S") then
      local ok, c = pcall(function() return to_case(decode(line)) end)
      if not ok then
        io.stderr:write(string.format("%s:%d: %s\n", cases_path, n, c))
        input:close()
        return 1
      end
      cases[#cases + 1] = c
    end
  end
  input:close()

  local out, oerr = io.open(out_path, "w")
  if not out then
    io.stderr:write("inburgering.lua: kan ", out_path, " niet schrijven: ", oerr, "\n")
    return 1
  end
  for i = 1, #cases do
    out:write(encode(decide(cases[i])), "\n")
  end
  out:close()

  if #cases == 0 then
    print("ns_per_case=0")
    return 0
  end
  local times = {}
  for run = 1, runs do
    collectgarbage()
    local t0 = os.clock()
    for i = 1, #cases do
      decide(cases[i])
    end
    times[run] = (os.clock() - t0) * 1e9 / #cases
  end
  table.sort(times)
  local median
  if runs % 2 == 1 then
    median = times[(runs + 1) // 2]
  else
    median = (times[runs // 2] + times[runs // 2 + 1]) / 2
  end
  print(string.format("ns_per_case=%.1f", median))
  return 0
end

os.exit(main(...))
