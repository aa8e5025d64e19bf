package com.example.ats.refhost.plugins.descriptor;

/** A class named in a descriptor, with the line naming it (to report a missing class). */
public record ClassRef(String className, int line) {
}
