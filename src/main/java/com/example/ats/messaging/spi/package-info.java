/**
 * The host contract of the messaging plugin: what any ATS must offer it.
 *
 * <p>The plugin owns this package and exports it; a host implements the interfaces and
 * registers them as OSGi services (the reference host does so from its system bundle, with this
 * package on its class path). The contract has two halves:
 *
 * <ol>
 *   <li><b>Module types in {@code plugin-descriptor.xml}</b> that the host understands:
 *       {@code web-item} (a link in a named section such as {@code header}),
 *       {@code web-panel} (a Velocity fragment in a named location such as
 *       {@code candidate.profile.tabs}, with a {@link com.example.ats.messaging.spi.web.ContextProvider}),
 *       {@code web-resource} (JS/CSS pulled into pages by context, served under
 *       {@code /plugins/resources/{pluginKey}/{resourceKey}/{file}}), {@code rest} (a servlet
 *       mounted at {@code /rest/{path}/{version}/*}), {@code i18n} (a resource bundle) and
 *       {@code condition}s ({@link com.example.ats.messaging.spi.web.Condition}). Named places
 *       the reference host offers: web-item sections {@code header} and {@code admin.nav} (the
 *       admin area's navigation, administrators only), web-panel locations
 *       {@code candidate.profile.tabs} and {@code admin.page} (a page of its own in the admin
 *       area at {@code /admin/pages/{pluginKey}/{panelKey}}, administrators only), web-resource
 *       contexts {@code ats.general} (every ATS page), {@code ats.candidate.profile} and
 *       {@code ats.admin} (admin pages). Every class a
 *       module names is looked up as an OSGi service of the plugin's bundle whose
 *       {@code component.name} is that class name (a Declarative Services component).</li>
 *   <li><b>Services the host provides</b>: {@link com.example.ats.messaging.spi.CandidateDirectory},
 *       {@link com.example.ats.messaging.spi.HostAuthentication},
 *       {@link com.example.ats.messaging.spi.HostPermissions},
 *       {@link com.example.ats.messaging.spi.HostEnvironment}, host events on OSGi EventAdmin
 *       (topics in {@link com.example.ats.messaging.spi.HostEventTopics}) and a
 *       {@link javax.sql.DataSource} with the property
 *       {@value com.example.ats.messaging.spi.HostEnvironment#DATASOURCE_PROPERTY}={@value com.example.ats.messaging.spi.HostEnvironment#DATASOURCE_PLUGINS}
 *       for the plugin's own tables.</li>
 *   <li><b>Services the plugin may provide</b>: {@link com.example.ats.messaging.spi.PluginStatus},
 *       whose problem the host shows on its plugins page (since 1.2).</li>
 * </ol>
 *
 * <p>Version {@value com.example.ats.messaging.spi.HostContract#VERSION}; it follows semantic
 * versioning, and only additions are made within a major version.
 */
@Version(HostContract.VERSION)
package com.example.ats.messaging.spi;

import org.osgi.annotation.versioning.Version;
