# help2troff.awk — one `jamsos ... --help` text (CLI11 2.x layout) to man(7) source.
# Run by tools/man/make-man.sh; see docs/ARCHITECTURE.md, "Packaging".
#
# CLI11 prints: description lines; "Usage: ..."; then blocks "Positionals:", "Options:",
# "Subcommands:" whose entries start with two spaces, the name padded to column 30 and the
# description after it (on the next line, indented 30, when the name is longer); then the
# footer (examples, exit codes) as written. Column counts are bytes, as CLI11 pads by bytes.
#
# Variables (-v):
#   mode=entries   print "block<TAB>name<TAB>description" per entry (for the common-option set)
#   mode=footer    print the footer as it is
#   mode=troff     print the man source for this command
#   title          the command as typed, e.g. "jamsos validate" (heading and usage line)
#   heading        SH or SS;  head_text  heading text instead of the title
#   nodesc=1       leave out the description lines (the page's NAME says it already)
#   only           file of "name<TAB>description" lines: print just those options, nothing else
#   skip           file of "name<TAB>description" lines to leave out (the common options)
#   common_note    line printed after the options when some were left out
#   footer_skip    file whose text, when equal to this footer, leaves the footer out
#   lab_pos, lab_opt, lab_sub, lab_usage   block labels in the page's language
BEGIN {
  state = "desc"; n = 0; ndesc = 0; nfoot = 0; usage = ""
  if (skip != "") while ((getline line < skip) > 0) skipped[line] = 1
  if (only != "") while ((getline line < only) > 0) kept[line] = 1
  if (footer_skip != "") {
    other = ""
    while ((getline line < footer_skip) > 0) other = other line "\n"
  }
}

function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }

# Text to troff: backslashes and hyphens escaped (options must be \- to be typed as
# written), a leading . or ' protected.
function esc(s) {
  gsub(/\\/, "\\e", s)
  gsub(/-/, "\\-", s)
  if (s ~ /^[.']/) s = "\\&" s
  return s
}

function start_entry(block, line,   name, desc) {
  if (length(line) > 30 && substr(line, 30, 1) == " ") {
    name = trim(substr(line, 1, 30)); desc = trim(substr(line, 31))
  } else {
    name = trim(line); desc = ""
  }
  n++; eblock[n] = block; ename[n] = name; edesc[n] = desc
}

/^Usage: / && state == "desc" { usage = substr($0, 8); state = "gap"; next }

state == "desc" { if ($0 != "") descs[++ndesc] = $0; next }

state == "foot" { foot[++nfoot] = $0; next }

/^(Positionals|Options|Subcommands):$/ { block = substr($0, 1, length($0) - 1); state = "block"; next }

state == "block" && /^  [^ ]/ { start_entry(block, $0); next }

state == "block" && /^                              [^ ]/ {
  edesc[n] = edesc[n] (edesc[n] == "" ? "" : "\n") trim($0); next
}

$0 == "" { if (state == "block") state = "gap"; next }

# Anything else after the blocks is the footer, kept as written.
{ state = "foot"; foot[++nfoot] = $0 }

function label(block) {
  return block == "Positionals" ? lab_pos : block == "Options" ? lab_opt : lab_sub
}

# "-o,--output TEXT=-" -> bold flags, italic type; "files TEXT ..." -> italic name.
function tag(block, name,   sp, head, rest, k, parts, out, i) {
  sp = index(name, " ")
  head = sp ? substr(name, 1, sp - 1) : name
  rest = sp ? substr(name, sp + 1) : ""
  if (block == "Positionals") {
    out = "\\fI" esc(head) "\\fR"
  } else {
    k = split(head, parts, ",")
    out = ""
    for (i = 1; i <= k; i++) out = out (i > 1 ? ", " : "") "\\fB" esc(parts[i]) "\\fR"
  }
  if (rest != "") out = out " \\fI" esc(rest) "\\fR"
  return out
}

function entry(i,   k, j, lines) {
  print ".TP"
  print tag(eblock[i], ename[i])
  k = split(edesc[i], lines, "\n")
  for (j = 1; j <= k; j++) { if (j > 1) print ".br"; print esc(lines[j]) }
}

END {
  if (mode == "entries") {
    for (i = 1; i <= n; i++) { d = edesc[i]; gsub(/\n/, " ", d); print eblock[i] "\t" ename[i] "\t" d }
    exit
  }
  if (mode == "footer") { for (i = 1; i <= nfoot; i++) print foot[i]; exit }
  if (only != "") {
    for (i = 1; i <= n; i++) {
      d = edesc[i]; gsub(/\n/, " ", d)
      if ((eblock[i] "\t" ename[i] "\t" d) in kept) entry(i)
    }
    exit
  }
  print "." heading " \"" esc(head_text != "" ? head_text : title) "\""
  if (!nodesc) for (i = 1; i <= ndesc; i++) print esc(descs[i])
  if (usage != "") {
    print ".PP"
    if (index(usage " ", title " ") == 1)
      print "\\fI" lab_usage "\\fR \\fB" esc(title) "\\fR " esc(substr(usage, length(title) + 2))
    else
      print "\\fI" lab_usage "\\fR " esc(usage)
  }
  last = ""; left_out = 0
  for (i = 1; i <= n; i++) {
    d = edesc[i]; gsub(/\n/, " ", d)
    if (eblock[i] == "Options" && ((eblock[i] "\t" ename[i] "\t" d) in skipped)) { left_out = 1; continue }
    if (eblock[i] != last) { print ".PP"; print "\\fB" label(eblock[i]) "\\fR"; last = eblock[i] }
    entry(i)
  }
  if (left_out && common_note != "") { print ".PP"; print common_note }
  text = ""
  for (i = 1; i <= nfoot; i++) text = text foot[i] "\n"
  if (nfoot > 0 && text != other) {
    print ".PP"; print ".nf"
    for (i = 1; i <= nfoot; i++) print esc(foot[i])
    print ".fi"
  }
}
