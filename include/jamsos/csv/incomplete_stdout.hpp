#pragma once
// A command that stops with an error after part of its CSV went to stdout leaves the next
// stage of a pipe holding a stream that looks whole: `validate | dedupe | consolidate -o
// keputusan.csv` would end with consolidate committing a decree list built from the first
// half of the candidates (the pipe's exit status is consolidate's 0 unless the script sets
// pipefail). So the failing command ends its stdout with a line no CSV reader takes as data:
//
//   \n"jamsos: KELUARAN TIDAK LENGKAP ...\n        (a quote opened and never closed)
//
// Cut between records, the newline ends nothing and the quote is never closed: every jamsos
// command stops with 65 ("a quote opened on this line is still open"). Cut inside a quoted
// field, the newline belongs to it, the quote closes it and the words follow the closing
// quote: a `quote` fault, which stops every command but validate with 65. Either way the next
// stage commits nothing, and the line itself says why to whoever opens the stream.
// Not written to a terminal (a person reads the error on stderr), nor after a closed pipe.
// A run stopped by SIGTERM, SIGINT or SIGHUP (cron's `timeout`, Ctrl-C, a closed session)
// writes the same line from the signal handler, then dies of the signal as before; SIGKILL
// cannot be caught, so a script still needs `set -o pipefail`.
namespace jamsos::csv {

// Output calls this whenever bytes go to stdout (one relaxed store: cheap at every flush).
void note_stdout_written();

// From main's error handler: writes the line above to stdout (fd 1) if bytes went there and
// stdout is not a terminal. Write errors are ignored: the run is failing already.
void end_stdout_as_incomplete(int exit_code);

// Once, at start-up after the language is known: the handlers for SIGTERM, SIGINT, SIGHUP.
// A signal that was ignored when jamsos started (nohup) stays ignored.
void mark_stdout_incomplete_on_signals();

}  // namespace jamsos::csv
