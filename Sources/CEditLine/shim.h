#ifndef CEDITLINE_SHIM_H
#define CEDITLINE_SHIM_H

// libedit's el_set and history are variadic, and stdin/stdout are C globals that Swift 6
// rejects as shared mutable state. Each is wrapped once here; LineEditor.swift is the only
// Swift file that calls these functions.

#include <stdio.h>
#include <histedit.h>

/// The process's standard input stream.
static inline FILE *cel_stdin(void) { return stdin; }
/// The process's standard output stream.
static inline FILE *cel_stdout(void) { return stdout; }
/// The process's standard error stream.
static inline FILE *cel_stderr(void) { return stderr; }

/// Sets the function that returns the prompt string.
static inline int cel_set_prompt(EditLine *el, char *(*prompt)(EditLine *)) {
    return el_set(el, EL_PROMPT, prompt);
}

/// Chooses the key bindings: "emacs" or "vi".
static inline int cel_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

/// Attaches a history so that Up and Down walk through it.
static inline int cel_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

/// Binds Tab to `fn`, the REPL's completion. libedit keeps the name and help pointers it is
/// given, so they are string literals here rather than temporary strings from Swift.
static inline int cel_bind_completion(EditLine *el, unsigned char (*fn)(EditLine *, int)) {
    int rc = el_set(el, EL_ADDFN, "lab-complete", "Complete the command or argument", fn);
    if (rc != 0) return rc;
    return el_set(el, EL_BIND, "^I", "lab-complete", NULL);
}

/// Binds Ctrl-C to `fn`, which discards the line being typed.
static inline int cel_bind_interrupt(EditLine *el, unsigned char (*fn)(EditLine *, int)) {
    int rc = el_set(el, EL_ADDFN, "lab-interrupt", "Discard the line", fn);
    if (rc != 0) return rc;
    return el_set(el, EL_BIND, "^C", "lab-interrupt", NULL);
}

/// Lets libedit restore the terminal when a signal arrives.
static inline int cel_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

/// Turns off ISIG while editing, so that Ctrl-C reaches a bound function instead of
/// killing the process.
static inline int cel_disable_isig(EditLine *el) {
    return el_set(el, EL_SETTY, "-d", "-isig", NULL);
}

/// Sets the maximum number of remembered lines and drops consecutive duplicates.
static inline int cel_history_setup(History *h, int size) {
    HistEvent ev;
    int rc = history(h, &ev, H_SETSIZE, size);
    if (rc < 0) return rc;
    return history(h, &ev, H_SETUNIQUE, 1);
}

/// Appends a line to the history.
static inline int cel_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}

/// Loads history lines from a file.
static inline int cel_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}

/// Saves the history to a file.
static inline int cel_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}

#endif
