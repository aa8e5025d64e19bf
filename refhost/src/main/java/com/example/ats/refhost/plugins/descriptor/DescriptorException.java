package com.example.ats.refhost.plugins.descriptor;

/** A plugin descriptor the host cannot use, with where and why. */
public final class DescriptorException extends Exception {
    private final String file;
    private final int line;
    private final String problem;

    public DescriptorException(String file, int line, String problem) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    /** 1-based line, or 0 when the problem has no line (e.g. the file is missing). */
    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
