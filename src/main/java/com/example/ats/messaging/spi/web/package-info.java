/**
 * Web-fragment extension points of the host contract: conditions on web-items and web-panels, and
 * context providers for web-panel templates.
 */
@Version(HostContract.VERSION)
package com.example.ats.messaging.spi.web;

import com.example.ats.messaging.spi.HostContract;
import org.osgi.annotation.versioning.Version;
