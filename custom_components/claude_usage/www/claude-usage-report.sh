#!/bin/sh
# Claude Usage for Home Assistant: Claude Code reports its own plan limits.
#
#   sh claude-usage-report.sh install [WEBHOOK_URL]  set up Claude Code (asks for the URL)
#   sh claude-usage-report.sh uninstall              restore Claude Code's settings
#   sh claude-usage-report.sh                        status line: Claude Code pipes JSON in
#   sh claude-usage-report.sh hook                   Stop/Notification hook: likewise
#
# Only rate_limits (five_hour/seven_day: used_percentage, resets_at) and version leave
# this computer, or a hook's hook_event_name and notification_type: never a path, an
# id or a message. Reports go in the background (curl -m 2), so Claude Code never
# waits. The status line prints the previous status line's output, run with the same
# input, or else Home Assistant's last answer. Needs only sh, curl, awk and sed.

NAME=claude-usage-report.sh

# The JSON reader and writer, in POSIX awk (run with LC_ALL=C: bytes, not characters).
# CU_MODE: status | hook (stdin -> the report to send), install | uninstall (CU_FILE ->
# the new settings on stdout; CU_INFO gets what the shell needs to know).
# Strict JSON as Claude Code reads it: no comments, no trailing commas.
AWK_JSON='
function jerr(m) { if (err == "") err = m " at byte " p; p = n + 2; return 0 }
function skipws(   c) {
	while (p <= n) {
		c = substr(s, p, 1)
		if (c != " " && c != "\t" && c != "\n" && c != "\r") return
		p++
	}
}
# Parse one value at p; every value is a node: type T, span [B, E), children CH.
function jvalue(   id, c) {
	skipws()
	if (p > n) return jerr("unexpected end")
	if (++depth > 64) { toodeep = 1; return jerr("nested too deeply") }
	id = ++N; B[id] = p; C[id] = 0
	c = substr(s, p, 1)
	if (c == "{") { T[id] = "o"; if (!jobject(id)) return 0 }
	else if (c == "[") { T[id] = "a"; if (!jarray(id)) return 0 }
	else if (c == "\"") { T[id] = "s"; if (!jstring()) return 0 }
	else if (c == "-" || (c >= "0" && c <= "9")) { T[id] = "n"; if (!jnumber()) return 0 }
	else if (substr(s, p, 4) == "true") { T[id] = "b"; p += 4 }
	else if (substr(s, p, 5) == "false") { T[id] = "b"; p += 5 }
	else if (substr(s, p, 4) == "null") { T[id] = "z"; p += 4 }
	else return jerr("unexpected character")
	E[id] = p; depth--
	return id
}
function child(par, v, ks) { C[par]++; CH[par, C[par]] = v; IDX[v] = C[par]; KS[v] = ks }
function jobject(id,   ks, k, v, c) {
	p++; skipws()
	if (substr(s, p, 1) == "}") { p++; return 1 }
	for (;;) {
		skipws()
		if (substr(s, p, 1) != "\"") return jerr("expected a key")
		ks = p
		if (!jstring()) return 0
		k = substr(s, ks, p - ks)
		skipws()
		if (substr(s, p, 1) != ":") return jerr("expected a colon")
		p++
		if (!(v = jvalue())) return 0
		KEY[v] = k; child(id, v, ks)
		skipws(); c = substr(s, p, 1); p++
		if (c == "}") return 1
		if (c != ",") { p--; return jerr("expected a comma or }") }
	}
}
function jarray(id,   v, c) {
	p++; skipws()
	if (substr(s, p, 1) == "]") { p++; return 1 }
	for (;;) {
		if (!(v = jvalue())) return 0
		child(id, v, B[v])
		skipws(); c = substr(s, p, 1); p++
		if (c == "]") return 1
		if (c != ",") { p--; return jerr("expected a comma or ]") }
	}
}
function jstring(   c) {
	p++
	while (p <= n) {
		c = substr(s, p, 1)
		if (c == "\"") { p++; return 1 }
		if (c == "\\") {
			c = substr(s, p + 1, 1)
			if (c == "u") {
				if (substr(s, p + 2, 4) !~ /^[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]$/)
					return jerr("bad \\u escape")
				p += 6
			} else if (c != "" && index("\"\\/bfnrt", c)) p += 2
			else return jerr("bad escape")
		} else if (c < " ") return jerr("control character in a string")
		else p++
	}
	return jerr("unterminated string")
}
function jnumber(   q) {
	q = p
	while (p <= n && index("+-0123456789.eE", substr(s, p, 1))) p++
	if (substr(s, q, p - q) !~ /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$/)
		return jerr("bad number")
	return 1
}
function jparse() {
	N = 0; err = ""; p = 1; n = length(s); depth = 0
	root = jvalue()
	if (root) { skipws(); if (p <= n) { jerr("text after the JSON value"); root = 0 } }
	return root
}
function tok(id) { return substr(s, B[id], E[id] - B[id]) }
# The member of object o whose raw key is k ("\"name\""), 0 if none; notes duplicates.
function mem(o, k,   i, r, c) {
	r = 0; c = 0
	if (!o || T[o] != "o") return 0
	for (i = 1; i <= C[o]; i++) if (KEY[CH[o, i]] == k) { r = CH[o, i]; c++ }
	if (c > 1) dupkey = k
	return r
}
function hex(h,   i, v) {
	v = 0
	for (i = 1; i <= 4; i++) v = v * 16 + index("0123456789abcdef", tolower(substr(h, i, 1))) - 1
	return v
}
function utf8(u) {
	if (u < 1) return ""
	if (u < 128) return sprintf("%c", u)
	if (u < 2048) return sprintf("%c%c", 192 + int(u / 64), 128 + u % 64)
	if (u < 65536) return sprintf("%c%c%c", 224 + int(u / 4096), 128 + int(u / 64) % 64, 128 + u % 64)
	return sprintf("%c%c%c%c", 240 + int(u / 262144), 128 + int(u / 4096) % 64, 128 + int(u / 64) % 64, 128 + u % 64)
}
# The text of a JSON string token.
function jdecode(t,   i, c, out, u, lo) {
	out = ""; t = substr(t, 2, length(t) - 2)
	for (i = 1; i <= length(t); i++) {
		c = substr(t, i, 1)
		if (c != "\\") { out = out c; continue }
		c = substr(t, ++i, 1)
		if (c == "n") out = out "\n"
		else if (c == "t") out = out "\t"
		else if (c == "r") out = out "\r"
		else if (c == "b") out = out "\b"
		else if (c == "f") out = out "\f"
		else if (c == "u") {
			u = hex(substr(t, i + 1, 4)); i += 4
			if (u >= 55296 && u < 56320 && substr(t, i + 1, 2) == "\\u") {
				lo = hex(substr(t, i + 3, 4))
				if (lo >= 56320 && lo < 57344) { u = 65536 + (u - 55296) * 1024 + lo - 56320; i += 6 }
			}
			out = out utf8(u)
		} else out = out c
	}
	return out
}
# A JSON string token for a text without control characters.
function jstr(raw,   out, i, c) {
	out = ""
	for (i = 1; i <= length(raw); i++) {
		c = substr(raw, i, 1)
		if (c == "\\" || c == "\"") out = out "\\" c
		else out = out c
	}
	return "\"" out "\""
}

# ---- the reports: only these fields ever leave the computer ----
# One window of rate_limits: used_percentage (a number) and resets_at (epoch or ISO).
function window(rl, w,   o, up, ra, t) {
	o = mem(rl, "\"" w "\"")
	up = mem(o, "\"used_percentage\"")
	if (!up || T[up] != "n") return ""
	t = "\"" w "\":{\"used_percentage\":" tok(up)
	ra = mem(o, "\"resets_at\"")
	if (ra && (T[ra] == "n" || (T[ra] == "s" && E[ra] - B[ra] <= 42 && tok(ra) ~ /^"[0-9][0-9A-Za-z:.+-]*"$/)))
		t = t ",\"resets_at\":" tok(ra)
	return t "}"
}
function status_report(   rl, a, b, v) {
	if (!jparse() || T[root] != "o") return
	rl = mem(root, "\"rate_limits\"")
	a = window(rl, "five_hour"); b = window(rl, "seven_day")
	if (a == "" && b == "") return
	if (a != "" && b != "") a = a ","
	v = mem(root, "\"version\"")
	if (v && T[v] == "s" && E[v] - B[v] <= 34 && tok(v) ~ /^"[0-9A-Za-z.+-]+"$/) v = ",\"version\":" tok(v)
	else v = ""
	print "{\"rate_limits\":{" a b "}" v "}"
}
# A member that is a plain name (letters, digits, _), as its JSON token; else "".
function name(o, k,   v) {
	v = mem(o, k)
	if (v && T[v] == "s" && E[v] - B[v] <= 66 && tok(v) ~ /^"[A-Za-z0-9_]+"$/) return tok(v)
	return ""
}
function hook_report(   h, t) {
	if (!jparse() || T[root] != "o") return
	h = name(root, "\"hook_event_name\"")
	if (h == "") return
	t = name(root, "\"notification_type\"")
	print "{\"hook_event_name\":" h (t == "" ? "" : ",\"notification_type\":" t) "}"
}
# The command a statusLine value runs, decoded; "" if it runs none.
function statusline_command(sl,   t, c) {
	t = mem(sl, "\"type\""); c = mem(sl, "\"command\"")
	if (t && tok(t) == "\"command\"" && c && T[c] == "s") return jdecode(tok(c))
	return ""
}

# ---- editing settings.json: one small splice per round, then parse again ----
function edit(a, b, text) { s = substr(s, 1, a - 1) text substr(s, b); return 1 }
# Is v a command string of this script (wherever it was installed)?
function ours(v) { return v && T[v] == "s" && index(tok(v), "claude-usage-report.sh") > 0 }
# The whitespace before child i of a container (after its { or [ or comma).
function lead(cont, i,   a) {
	if (i == 1) a = B[cont] + 1
	else { a = E[CH[cont, i - 1]]; while (substr(s, a, 1) != ",") a++; a++ }
	return substr(s, a, KS[CH[cont, i]] - a)
}
# Indentation taken from a lead: pretty (pp) only if it starts a new line.
function indent(l) {
	pp = index(l, "\n") > 0
	if (!pp) return ""
	while (index(l, "\n")) l = substr(l, index(l, "\n") + 1)
	return l
}
# The indentation of the line that holds pos.
function line_indent(pos,   a, i) {
	a = pos
	while (a > 1 && substr(s, a - 1, 1) != "\n") a--
	i = a
	while (substr(s, i, 1) == " " || substr(s, i, 1) == "\t") i++
	return substr(s, a, i - a)
}
# Our values, laid out as JSON.stringify(settings, null, 2) does (or on one line).
function o1(ind, a) { return pp ? "{" NL ind U a NL ind "}" : "{" a "}" }
function arr1(ind, a) { return pp ? "[" NL ind U a NL ind "]" : "[" a "]" }
function comma(ind) { return pp ? "," NL ind U : ", " }
function sl_value(ind) {
	return o1(ind, "\"type\": \"command\"" comma(ind) "\"command\": " SLC (PAD == "" ? "" : comma(ind) "\"padding\": " PAD))
}
function group(ind) {
	return o1(ind, "\"hooks\": " arr1(ind U, o1(ind U U, "\"type\": \"command\"" comma(ind U U) "\"command\": " HKC)))
}
function render(kind, ind) {
	if (kind == "statusLine") return sl_value(ind)
	if (kind == "group") return group(ind)
	if (kind == "event") return arr1(ind, group(ind U))
	return o1(ind, "\"" kind "\": " arr1(ind U, group(ind U U)))
}
# Add a member (key given) or an element (key "") at the end of a container.
function add(cont, key, kind,   last, l, ind) {
	if (key != "") key = key ": "
	if (C[cont] > 0) {
		last = CH[cont, C[cont]]; l = lead(cont, C[cont]); ind = indent(l)
		return edit(E[last], E[last], "," l key render(kind, ind))
	}
	ind = line_indent(B[cont]); pp = pretty
	if (pp) return edit(B[cont] + 1, E[cont] - 1, NL ind U key render(kind, ind U) NL ind)
	return edit(B[cont] + 1, E[cont] - 1, key render(kind, ind))
}
# Remove child i of a container, with its comma; an only child leaves {} or [].
function drop(cont, i) {
	if (C[cont] == 1) return edit(B[cont] + 1, E[cont] - 1, "")
	if (i > 1) return edit(E[CH[cont, i - 1]], E[CH[cont, i]], "")
	return edit(KS[CH[cont, 1]], KS[CH[cont, 2]], "")
}
# Why the installer cannot edit these settings, or "".
function shape(   sl, h, a, b) {
	dupkey = ""
	if (T[root] != "o") return "it is not a JSON object"
	sl = mem(root, "\"statusLine\""); h = mem(root, "\"hooks\"")
	if (sl && T[sl] != "o") return "statusLine is not an object"
	if (h && T[h] != "o") return "hooks is not an object"
	a = mem(h, "\"Stop\""); b = mem(h, "\"Notification\"")
	if ((a && T[a] != "a") || (b && T[b] != "a")) return "hooks.Stop or hooks.Notification is not a list"
	if (dupkey != "") return "it has the key " dupkey " twice"
	return ""
}
# One edit towards installed: our statusLine (keeping the previous one as prev) and our
# hook in Stop and Notification. 0 once there is nothing left to do.
function install_step(   sl, c, h, ev, k, a, i, hk, j, e, exact, stale) {
	sl = mem(root, "\"statusLine\"")
	if (!sl) { if (slstate == "") slstate = "absent"; return add(root, "\"statusLine\"", "statusLine") }
	c = mem(sl, "\"command\"")
	if (!ours(c)) {
		slstate = "other"; prev = tok(sl); prevcmd = statusline_command(sl)
		c = mem(sl, "\"padding\""); if (c && T[c] == "n") PAD = tok(c)
		pp = pretty
		return edit(B[sl], E[sl], sl_value(line_indent(KS[sl])))
	}
	if (slstate == "") slstate = "ours"
	if (tok(c) != SLC) return edit(B[c], E[c], SLC)
	for (k = 1; k <= 2; k++) {
		ev = k == 1 ? "Stop" : "Notification"
		h = mem(root, "\"hooks\"")
		if (!h) return add(root, "\"hooks\"", ev)
		a = mem(h, "\"" ev "\"")
		if (!a) return add(h, "\"" ev "\"", "event")
		exact = 0; stale = 0
		for (i = 1; i <= C[a]; i++) {
			hk = mem(CH[a, i], "\"hooks\"")
			if (!hk || T[hk] != "a") continue
			for (j = 1; j <= C[hk]; j++) {
				e = mem(CH[hk, j], "\"command\"")
				if (!ours(e)) continue
				if (tok(e) == HKC) exact = 1; else stale = e
			}
		}
		if (exact) continue
		if (stale) return edit(B[stale], E[stale], HKC)
		return add(a, "", "group")
	}
	return 0
}
# One edit towards uninstalled: the previous statusLine back, our hooks out, and the
# groups, events and hooks object they leave empty. 0 once nothing of ours is left.
function uninstall_step(   sl, h, k, a, i, hk, j, mine, last) {
	sl = mem(root, "\"statusLine\"")
	if (sl && ours(mem(sl, "\"command\""))) {
		if (PREV != "") return edit(B[sl], E[sl], PREV)
		return drop(root, IDX[sl])
	}
	h = mem(root, "\"hooks\"")
	for (k = 1; k <= C[h]; k++) {
		a = CH[h, k]
		if (T[a] != "a") continue
		for (i = 1; i <= C[a]; i++) {
			hk = mem(CH[a, i], "\"hooks\"")
			if (!hk || T[hk] != "a") continue
			mine = 0
			for (j = 1; j <= C[hk]; j++) if (ours(mem(CH[hk, j], "\"command\""))) { mine++; last = j }
			if (!mine) continue
			if (mine < C[hk]) return drop(hk, last)
			if (C[a] > 1) return drop(a, i)
			if (C[h] > 1) return drop(h, k)
			return drop(root, IDX[h])
		}
	}
	return 0
}
function edit_settings(   round, problem, f, info, line, sep) {
	f = ENVIRON["CU_FILE"]; info = ENVIRON["CU_INFO"]
	while ((getline line < f) > 0) { s = s sep line; sep = "\n" }
	close(f)
	nl = ENVIRON["CU_NL"] == "1"
	if (s ~ /^[ \t\r\n]*$/) { s = "{}"; nl = 1 }
	NL = index(s, "\r\n") ? "\r\n" : "\n"
	SLC = jstr(ENVIRON["CU_SL"]); HKC = jstr(ENVIRON["CU_HOOK"]); PREV = ENVIRON["CU_PREV"]
	for (round = 1; round <= 40; round++) {
		if (!jparse()) {
			if (toodeep) { printf "error=it is nested too deeply\n" > info; return 4 }
			printf "error=%s\n", (round == 1 ? "it is not valid JSON (" err ")" : "editing failed") > info
			return round == 1 ? 3 : 5
		}
		if ((problem = shape()) != "") { printf "error=%s\n", problem > info; return 4 }
		if (round == 1) {
			pretty = C[root] == 0 || index(s, "\n") > 0
			U = "  "
			if (C[root] > 0) { line = indent(lead(root, 1)); if (pp && line != "") U = line }
		}
		if (ENVIRON["CU_MODE"] == "install" ? !install_step() : !uninstall_step()) {
			printf "%s%s", s, (nl ? "\n" : "")
			if (ENVIRON["CU_MODE"] == "install") {
				printf "statusline=%s\n", slstate > info
				if (slstate == "other") {
					printf "%s", prev > ENVIRON["CU_PREV_OUT"]
					printf "%s", prevcmd > ENVIRON["CU_CMD_OUT"]
				}
			}
			return 0
		}
	}
	printf "error=editing failed\n" > info
	return 5
}
BEGIN {
	mode = ENVIRON["CU_MODE"]
	if (mode == "install" || mode == "uninstall") exit edit_settings()
	while ((getline line) > 0) { s = s sep line; sep = "\n" }
	if (mode == "status") status_report()
	else if (mode == "hook") hook_report()
}
'

json() { CU_MODE=$1 LC_ALL=C awk "$AWK_JSON"; }

say() { printf 'Claude Usage: %s\n' "$*"; }
die() { printf 'Claude Usage: %s\n' "$*" >&2; exit 1; }

usage() {
	cat <<EOF
Reports Claude Code's plan limits to Home Assistant (Claude Usage integration).

  sh $NAME install [WEBHOOK_URL]   set up Claude Code; asks for the URL if not given
                                   (the integration shows it; it is a password)
  sh $NAME uninstall               restore Claude Code's settings, remove the URL

Claude Code then runs it as its status line and as a Stop and Notification hook.
It sends only the 5-hour and 7-day usage (percent, reset time) and Claude Code's
version, or the name of the hook event: never a path, a session id or a message.
EOF
}

# The first line of Home Assistant's answer, without control characters; none if it
# is longer than a status line can be.
first_line() {
	LC_ALL=C awk 'NR == 1 { gsub(/[[:cntrl:]]/, ""); if ($0 != "" && length($0) <= 1000) print; exit }'
}

# Send a report in the background: Claude Code waits for stdout and stderr to close,
# so nothing of curl's may stay attached to them (redirected with exec: a subshell's
# own redirections leave them open to command substitutions in some shells, as posh).
# A status text answer is kept.
post() {
	(
		exec </dev/null >/dev/null 2>&1
		meta=$(curl -sS -m 2 -K "$dir/webhook" -H 'Content-Type: application/json' \
			--data-binary "$1" -o "$dir/answer.$$" -w '%{http_code} %{content_type}') ||
			meta=failed # a cut-off answer is no status text
		case $meta in
		'200 text/plain'*)
			first_line <"$dir/answer.$$" >"$dir/status.$$"
			[ -s "$dir/status.$$" ] && mv -f "$dir/status.$$" "$dir/status.txt"
			;;
		esac
		rm -f "$dir/answer.$$" "$dir/status.$$"
	) &
}

# The same report again within a minute is not sent (Claude Code runs the status line
# on every message); a changed one always is.
due() {
	now=$(date +%s 2>/dev/null)
	case $now in '' | *[!0-9]*) now=0 ;; esac
	last_time=
	last_body=
	if [ -f "$dir/last-report" ]; then
		{ read -r last_time && read -r last_body; } <"$dir/last-report"
	fi
	case $last_time in '' | *[!0-9]*) last_time=-999 ;; esac
	if [ "$last_body" = "$1" ] && [ $((now - last_time)) -lt 60 ]; then
		return 1
	fi
	printf '%s\n%s\n' "$now" "$1" >"$dir/last-report.$$" &&
		mv -f "$dir/last-report.$$" "$dir/last-report"
	return 0
}

status_line() {
	input=$(cat)
	if [ -f "$dir/webhook" ]; then
		body=$(printf '%s\n' "$input" | json status)
		if [ -n "$body" ] && due "$body"; then post "$body"; fi
	fi
	if [ -f "$dir/previous-command" ]; then
		printf '%s\n' "$input" | sh -c "$(cat "$dir/previous-command")"
	elif [ -f "$dir/status.txt" ]; then
		cat "$dir/status.txt"
	fi
	exit 0
}

hook() {
	if [ -f "$dir/webhook" ]; then
		body=$(json hook)
		if [ -n "$body" ]; then post "$body"; fi
	fi
	exit 0
}

# Where Claude Code keeps its settings; ours go to a folder beside them.
locate() {
	cfg=${CLAUDE_CONFIG_DIR:-${HOME:?HOME is not set}/.claude}
	case $cfg in /*) ;; *) cfg=$PWD/$cfg ;; esac
	settings=$cfg/settings.json
	dir=$cfg/claude-usage
	new=$dir/settings.new
	info=$dir/settings.info
	[ ! -d "$settings" ] || die "$settings is a folder; nothing was changed."
	if [ -e "$settings" ] && [ ! -r "$settings" ]; then
		die "cannot read $settings; nothing was changed."
	fi
}

# Run the settings editor; sets $new (the new text) or prints why not and fails.
edit_settings() {
	rm -f "$new" "$info" "$dir/previous.new" "$dir/command.new"
	file=/dev/null
	nl=1
	if [ -f "$settings" ]; then
		file=$settings
		[ -n "$(tail -c 1 "$settings")" ] && nl=0
	fi
	CU_MODE=$mode CU_FILE=$file CU_NL=$nl CU_INFO=$info CU_PREV=$1 \
		CU_SL="sh '$quoted'" CU_HOOK="sh '$quoted' hook" \
		CU_PREV_OUT=$dir/previous.new CU_CMD_OUT=$dir/command.new \
		LC_ALL=C awk "$AWK_JSON" >"$new"
	case $? in
	0) return 0 ;;
	3) why="is not valid JSON, which Claude Code needs (no comments, no trailing commas)" ;;
	4) why="has an unexpected shape" ;;
	*) why="could not be edited" ;;
	esac
	detail=$(sed -n 's/^error=//p' "$info" 2>/dev/null)
	rm -f "$new" "$info" "$dir/previous.new" "$dir/command.new"
	printf 'Claude Usage: %s %s: %s. Nothing was changed.\n' "$settings" "$why" "$detail" >&2
	return 1
}

# Replace settings.json by $new if it differs: atomically, keeping its mode; through a
# symbolic link (a dotfiles repository) by writing the file it points to.
write_settings() {
	if [ -f "$settings" ] && cmp -s "$new" "$settings"; then
		rm -f "$new"
		return 1
	fi
	if [ -L "$settings" ]; then
		cat "$new" >"$settings" || die "could not write $settings."
		rm -f "$new"
	elif [ -f "$settings" ]; then
		tmp=$settings.claude-usage.$$
		if ! { cp -p "$settings" "$tmp" && cat "$new" >"$tmp" && mv -f "$tmp" "$settings"; }; then
			rm -f "$tmp"
			die "could not write $settings."
		fi
		rm -f "$new"
	else
		mv -f "$new" "$settings" || die "could not write $settings."
	fi
	return 0
}

# Ask Home Assistant for its status text once, with a report without limits: 0 and
# $answer if it answers one, 1 for an unknown webhook (200 with an empty body), 2 and
# $reach if it cannot be reached.
probe() {
	meta=$(curl -sS -m 5 -K "$1" -H 'Content-Type: application/json' \
		--data-binary '{}' -o "$dir/answer.$$" -w '%{http_code} %{content_type}' 2>/dev/null)
	code=$?
	answer=$(first_line <"$dir/answer.$$" 2>/dev/null)
	rm -f "$dir/answer.$$"
	case $code in
	0) ;;
	6) reach="its host name is not known here" ;;
	7) reach="nothing answers at that address" ;;
	28) reach="it did not answer within 5 seconds" ;;
	35 | 51 | 53 | 54 | 58 | 59 | 60 | 77 | 80 | 82 | 83 | 90 | 91) reach="the secure connection failed (certificate?)" ;;
	*) reach="curl failed with code $code" ;;
	esac
	[ "$code" -eq 0 ] || return 2
	case $meta in
	'200 '*) [ -n "$answer" ] || return 1 ;;
	*)
		reach="it answered HTTP ${meta%% *}"
		return 2
		;;
	esac
	return 0
}

# Leave everything as it was before this install, say why, and fail.
abandon() {
	rm -f "$dir/webhook.new" "$new" "$info" "$dir/previous.new" "$dir/command.new"
	[ -z "$created" ] || rm -rf "$dir"
	[ -z "$created_cfg" ] || rmdir "$cfg"
	[ -z "$1" ] || die "$1"
	exit 1
}

install() {
	url=$1
	if [ -z "$url" ]; then
		printf 'Webhook URL (shown by the Claude Usage integration): ' >&2
		read -r url || url=
	fi
	# Home Assistant's own webhook URL, or a Home Assistant Cloud webhook (cloudhook).
	valid=$(printf '%s\n' "$url" | sed -n \
		-e '/^https\{0,1\}:\/\/[][A-Za-z0-9.:-]\{1,\}\(\/[A-Za-z0-9._~%-]\{1,\}\)*\/api\/webhook\/[A-Za-z0-9_-]\{1,\}$/p' \
		-e '/^https:\/\/hooks\.nabu\.casa\/[A-Za-z0-9_-]\{1,\}$/p')
	if [ -z "$url" ] || [ "$valid" != "$url" ]; then
		die "that is not a webhook URL (http(s)://HOST/api/webhook/ID, or https://hooks.nabu.casa/ID); copy it again from the integration."
	fi
	command -v curl >/dev/null || die "curl is needed; install it first."
	case $0 in /*) src=$0 ;; *) src=$PWD/$0 ;; esac
	[ -f "$src" ] || die "download the script and run it from the file: sh $NAME install"
	locate
	[ -z "$(printf '%s' "$dir" | LC_ALL=C awk 'NR > 1 || /[[:cntrl:]]/ { print "x"; exit }')" ] ||
		die "the folder $dir has control characters in its name."
	quoted=$(printf '%s\n' "$dir/$NAME" | sed "s/'/'\\\\''/g")
	created=
	created_cfg=
	[ -d "$dir" ] || created=1
	[ -d "$cfg" ] || created_cfg=1
	(umask 077 && mkdir -p "$dir") || die "could not create $dir."
	chmod 700 "$dir"
	edit_settings "" || abandon
	(umask 077 && printf 'url = "%s"\n' "$url" >"$dir/webhook.new") || abandon
	probe "$dir/webhook.new"
	case $? in
	0) note="Home Assistant answers: $answer" ;;
	1) abandon "Home Assistant does not know this webhook (was the integration removed?); copy the URL again from the integration. Nothing was changed." ;;
	*)
		note="Home Assistant cannot be reached now: $reach. Reports start once it can."
		answer=
		;;
	esac
	# Our copy of the script, the URL (readable by the user only), the previous status line.
	if [ "$src" != "$dir/$NAME" ]; then
		{ cp "$src" "$dir/$NAME.new" && mv -f "$dir/$NAME.new" "$dir/$NAME"; } ||
			die "could not copy the script into $dir."
	fi
	mv -f "$dir/webhook.new" "$dir/webhook"
	case $(sed -n 's/^statusline=//p' "$info") in
	absent) rm -f "$dir/previous-statusline.json" "$dir/previous-command" ;;
	other)
		mv -f "$dir/previous.new" "$dir/previous-statusline.json"
		if [ -s "$dir/command.new" ]; then
			mv -f "$dir/command.new" "$dir/previous-command"
		else
			rm -f "$dir/previous-command"
		fi
		;;
	esac
	rm -f "$info" "$dir/previous.new" "$dir/command.new"
	[ -z "$answer" ] || printf '%s\n' "$answer" >"$dir/status.txt"
	if write_settings; then
		say "installed in $settings."
	else
		say "already installed in $settings (unchanged)."
	fi
	if [ -f "$dir/previous-command" ]; then
		say "your status line stays as it was; Home Assistant gets the limits."
	else
		say "the status line shows Home Assistant's status text."
	fi
	say "$note"
	exit 0
}

uninstall() {
	locate
	if [ -f "$settings" ]; then
		(umask 077 && mkdir -p "$dir") || die "could not create $dir."
		prev=
		[ -f "$dir/previous-statusline.json" ] && prev=$(cat "$dir/previous-statusline.json")
		quoted=
		edit_settings "$prev" || exit 1
		if write_settings; then
			say "removed from $settings."
			[ -z "$prev" ] || say "your previous status line is back."
		else
			say "nothing to remove in $settings."
		fi
	fi
	rm -rf "$dir"
	say "the webhook URL is deleted. You may delete this script too."
	exit 0
}

# Status line and hook modes find their state beside the installed copy of the script.
dir=$(dirname "$0")
mode=${1:-status}
case $mode in
status) status_line ;;
hook) hook ;;
install) install "$2" ;;
uninstall) uninstall ;;
-h | --help | help) usage ;;
*)
	usage >&2
	exit 2
	;;
esac
