/*
 * A stand-in for Moodle 4.5's SCORM player, for the tests only (never shipped).
 *
 * It behaves as Moodle's own code does (file paths from Moodle 4.5, mod/scorm/ and lib/):
 *   - the data handed to the package (window.PLAYER.def) is made by the server as
 *     datamodels/scorm_13lib.php / scorm_12lib.php get_scorm_default() do: in SCORM 2004
 *     the stored record comes back only when the last cmi.exit was "suspend" (otherwise
 *     nothing, and cmi.entry is "ab-initio"), while the server keeps the old record;
 *   - Commit and Terminate send the data as datamodels/scorm_13.js / scorm_12.js
 *     StoreData() do: SCORM 2004 sends every element that differs from its value at
 *     launch (the whole record, each time), SCORM 1.2 only what changed since the last
 *     commit; Terminate adds the total time;
 *   - requests are synchronous XHR, except while the page is being left (beforeunload,
 *     unload, pagehide, or hidden), when they go as navigator.sendBeacon with FormData
 *     (request.js DoRequest); Chromium refuses beacons past 64 KiB in flight, and so does
 *     this stand-in, on its own count, whatever the browser build does;
 *   - every new login clears the site's localStorage and sessionStorage
 *     (lib/amd/src/storage_validation.js, run on every page after login).
 * Test-only variations (window.PLAYER.mode): "truncate" keeps only the first 4,000
 * characters of suspend data; "throw" makes Commit throw; "refuse" makes SetValue of
 * suspend data answer "false"; the server adds "slow" (each request takes 1.5 s),
 * "fail" (each commit answers false) and "corrupt" (a stored time is damaged); "broken"
 * makes every API call throw.
 */
(function () {
  "use strict";
  const player = window.PLAYER;
  const v2004 = player.version === "2004";
  const BEACON_QUOTA = 64 * 1024;
  window.playerLog = [];

  // Storage validation: a new login (this launch's login time) clears the site's storage.
  if (player.clearsStorage) {
    const key = "moodle/sUserLogintime";
    if (localStorage.getItem(key) !== String(player.login)) {
      localStorage.clear();
      sessionStorage.clear();
      localStorage.setItem(key, String(player.login));
    }
  }

  let leaving = false;
  let beaconRoom = BEACON_QUOTA;
  const away = () => { leaving = true; };
  for (const name of ["beforeunload", "unload", "pagehide"]) window.addEventListener(name, away);
  window.addEventListener("pageshow", () => { leaving = false; beaconRoom = BEACON_QUOTA; });
  document.addEventListener("visibilitychange", () => {
    leaving = document.visibilityState === "hidden";
    if (!leaving) beaconRoom = BEACON_QUOTA;
  });

  /** The multipart body size Chromium sends for these fields (boundary of 38 characters). */
  function formDataBytes(pairs) {
    const enc = new TextEncoder();
    let size = 2 + 38 + 4; // the closing boundary line
    for (const [key, value] of pairs) {
      size += 2 + 38 + 2 + enc.encode(`Content-Disposition: form-data; name="${key}"`).length + 4 +
        enc.encode(value).length + 2;
    }
    return size;
  }

  function send(pairs) {
    const log = { at: Date.now(), leaving, fields: Object.fromEntries(pairs) };
    window.playerLog.push(log);
    if (player.dead) { // the tab crashed: nothing more reaches the platform
      log.dropped = true;
      return "false\n101";
    }
    if (leaving) {
      const all = [...pairs, ["unloading", "1"]];
      log.kind = "beacon";
      log.bytes = formDataBytes(all);
      if (log.bytes > beaconRoom) {
        log.dropped = true;
        return "false\n101";
      }
      const form = new FormData();
      for (const [key, value] of all) form.append(key, value);
      if (!navigator.sendBeacon(`${player.datamodel}&api=beacon`, form)) {
        log.dropped = true;
        return "false\n101";
      }
      beaconRoom -= log.bytes;
      return "true\n0";
    }
    log.kind = "xhr";
    const request = new XMLHttpRequest();
    request.open("POST", player.datamodel, false);
    request.setRequestHeader("Content-Type", "application/x-www-form-urlencoded");
    const body = new URLSearchParams(pairs).toString();
    log.bytes = body.length;
    try {
      request.send(body);
    } catch {
      log.dropped = true;
      return "false\n101";
    }
    return request.status === 200 ? request.responseText : `false\n${request.status}`;
  }

  const values = { ...player.def };
  const atLaunch = { ...player.def };
  const writeOnly = v2004 ? ["cmi.exit", "cmi.session_time"] : ["cmi.core.exit", "cmi.core.session_time"];
  const readOnly = v2004
    ? ["cmi.learner_id", "cmi.learner_name", "cmi.entry", "cmi.mode", "cmi.credit", "cmi.total_time"]
    : ["cmi.core.student_id", "cmi.core.student_name", "cmi.core.entry", "cmi.core.credit",
      "cmi.core.lesson_mode", "cmi.core.total_time"];
  const longest = v2004 ? 64000 : 4096;
  let error = "0";
  let started = false;
  let ended = false;

  function store(closing) {
    const pairs = [["verb", closing ? "Terminate" : "Commit"]];
    for (const [element, value] of Object.entries(values)) {
      if (readOnly.includes(element) || element === (v2004 ? "cmi.session_time" : "cmi.core.session_time")) continue;
      if (value !== atLaunch[element]) {
        pairs.push([element.replaceAll(".", "__"), value]);
        if (!v2004) atLaunch[element] = value; // 1.2 sends only what changed since
      }
    }
    const session = v2004 ? "cmi.session_time" : "cmi.core.session_time";
    if (closing && values[session]) pairs.push([session.replaceAll(".", "__"), values[session]]);
    if (closing) pairs.push([v2004 ? "cmi__total_time" : "cmi__core__total_time", "PT0S"]);
    const [result, code] = send(pairs).split("\n");
    error = result === "true" ? "0" : code || "101";
    return result === "true" ? "true" : "false";
  }

  const api = {
    init() {
      if (started) { error = "103"; return "false"; }
      started = true;
      error = "0";
      return "true";
    },
    get(element) {
      window.playerLog.push({ get: element });
      if (writeOnly.includes(element) && v2004) { error = "405"; return ""; }
      error = "0";
      return element in values ? String(values[element]) : "";
    },
    set(element, value) {
      if (!started || ended) { error = "132"; return "false"; }
      if (readOnly.includes(element)) { error = v2004 ? "404" : "403"; return "false"; }
      let text = String(value);
      if (element === "cmi.suspend_data") {
        if (player.mode === "refuse") { error = "351"; return "false"; }
        if (player.mode === "truncate") text = text.slice(0, 4000);
        else if (text.length > longest) { error = v2004 ? "406" : "405"; return "false"; }
      }
      values[element] = text;
      error = "0";
      return "true";
    },
    commit() {
      if (player.mode === "throw") throw new TypeError("Cannot read properties of undefined (reading 'send')");
      if (!started || ended) { error = "142"; return "false"; }
      return store(false);
    },
    end() {
      if (!started || ended) { error = "112"; return "false"; }
      const result = store(true);
      if (result === "true") ended = true;
      return result;
    },
    lastError: () => error,
    errorText: (code) => ({ 101: "General Exception", 132: "Store Data Before Initialization",
      351: "General Set Failure", 403: "Element is read only", 405: "Incorrect Data Type",
      406: "Data Model Element Type Mismatch" }[code] || ""),
  };
  window.playerValues = values;
  if (player.mode === "broken") {
    for (const name of Object.keys(api)) {
      api[name] = () => { throw new Error("The platform's SCORM player is broken"); };
    }
  }
  if (v2004) {
    window.API_1484_11 = {
      Initialize: api.init, Terminate: api.end, GetValue: api.get, SetValue: api.set,
      Commit: api.commit, GetLastError: api.lastError, GetErrorString: api.errorText,
      GetDiagnostic: () => "",
    };
  } else {
    window.API = {
      LMSInitialize: api.init, LMSFinish: api.end, LMSGetValue: api.get, LMSSetValue: api.set,
      LMSCommit: api.commit, LMSGetLastError: api.lastError, LMSGetErrorString: api.errorText,
      LMSGetDiagnostic: () => "",
    };
  }
})();
