package com.example.ats.messaging.spi;

/** The version of the host contract, for hosts that export this package from their class path. */
public final class HostContract {
    /** Kept equal to the package's {@code @Version}; the host exports the package with it. */
    public static final String VERSION = "1.2.0";

    private HostContract() {
    }
}
