package com.example.ats.refhost;

import java.time.Duration;

/** Starts the reference host and keeps it running until the JVM is stopped. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        HostConfig config = HostConfig.from(args, System.getenv());
        RefHost host = RefHost.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(host::close, "refhost-shutdown"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.println(host.banner(took));
        Thread.currentThread().join();
    }
}
