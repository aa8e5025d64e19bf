package com.example.ats.refhost.plugins;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's mount point for a plugin's {@code <rest>} module. It owns the URL space
 * ({@code /rest/{path}/{version}/*}) and hands every request to the plugin's servlet service,
 * initialising it with this mount's configuration as soon as both exist. While the plugin's
 * servlet is not there (still starting, or gone) it answers 503 in the contract's error shape.
 */
final class RestModuleServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(RestModuleServlet.class);

    private final transient ServiceTracker<Servlet, Servlet> tracker;
    private final String mountPoint;
    private transient volatile Servlet ready;
    private transient Servlet pending;

    RestModuleServlet(BundleContext hostContext, String serviceFilter, String mountPoint) throws InvalidSyntaxException {
        this.mountPoint = mountPoint;
        this.tracker = new ServiceTracker<>(hostContext, FrameworkUtil.createFilter(serviceFilter), null) {
            @Override
            public Servlet addingService(ServiceReference<Servlet> reference) {
                Servlet servlet = context.getService(reference);
                if (servlet != null) {
                    offer(servlet);
                }
                return servlet;
            }

            @Override
            public void removedService(ServiceReference<Servlet> reference, Servlet servlet) {
                withdraw(servlet);
                context.ungetService(reference);
            }
        };
    }

    void open() {
        tracker.open();
    }

    void close() {
        tracker.close();
    }

    /** Whether the plugin's servlet is there to answer. */
    public boolean isServing() {
        return tracker.getService() != null;
    }

    @Override
    public synchronized void init(ServletConfig config) throws ServletException {
        super.init(config);
        if (pending != null) {
            start(pending);
        }
    }

    private synchronized void offer(Servlet servlet) {
        pending = servlet;
        if (getServletConfig() != null) {
            start(servlet);
        }
    }

    private synchronized void start(Servlet servlet) {
        try {
            servlet.init(getServletConfig());
            ready = servlet;
            pending = null;
            LOG.info("REST module {} is answering", mountPoint);
        } catch (ServletException | RuntimeException e) {
            LOG.error("REST module {} failed to initialise", mountPoint, e);
        }
    }

    private synchronized void withdraw(Servlet servlet) {
        if (ready == servlet) {
            ready = null;
            servlet.destroy();
        }
        if (pending == servlet) {
            pending = null;
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Servlet servlet = ready;
        if (servlet == null) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "1");
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(("{\"error\":{\"code\":\"MODULE_UNAVAILABLE\",\"message\":"
                    + "\"This API is starting or stopped. Try again in a moment.\"}}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        servlet.service(request, response);
    }

    @Override
    public void destroy() {
        close();
        Servlet servlet = ready;
        if (servlet != null) {
            withdraw(servlet);
        }
    }
}
