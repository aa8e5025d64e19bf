package com.example.ats.messaging.osgi;

/**
 * Runs code with the plugin's class loader as the thread context class loader. Jersey, HK2 and
 * Hibernate look up their implementations there; left as the host's loader they would find the
 * host's copies (or none) and fail with ClassCastExceptions.
 */
public final class BundleClassLoaderScope implements AutoCloseable {
    private final Thread thread = Thread.currentThread();
    private final ClassLoader previous = thread.getContextClassLoader();

    private BundleClassLoaderScope(ClassLoader loader) {
        thread.setContextClassLoader(loader);
    }

    public static BundleClassLoaderScope enter(Class<?> ofBundle) {
        return new BundleClassLoaderScope(ofBundle.getClassLoader());
    }

    @Override
    public void close() {
        thread.setContextClassLoader(previous);
    }
}
