package com.example.ats.refhost.plugins.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DescriptorParserTest {
    private final DescriptorParser parser = new DescriptorParser("test-descriptor.xml");

    @Test
    void readsTheMessagingPluginsRealDescriptor() throws Exception {
        PluginDescriptor descriptor;
        try (InputStream in = Files.newInputStream(Path.of("..", "plugin-descriptor.xml"))) {
            descriptor = parser.parse(in);
        }

        assertThat(descriptor.key()).isEqualTo("com.example.ats.messaging");
        assertThat(descriptor.i18n()).map(PluginDescriptor.I18n::location).contains("i18n/messaging");
        assertThat(descriptor.webItems()).extracting(PluginDescriptor.WebItem::section)
                .containsExactly("header", "admin.nav", "admin.nav");
        assertThat(descriptor.webItems().get(0)).satisfies(item -> {
            assertThat(item.params()).containsEntry("data-messaging", "header-icon");
            assertThat(item.condition()).isPresent();
        });
        assertThat(descriptor.webItems()).allSatisfy(item -> assertThat(item.condition()).isPresent());
        assertThat(descriptor.webPanels()).extracting(PluginDescriptor.WebPanel::location)
                .containsExactly("candidate.profile.tabs", "admin.page", "admin.page");
        assertThat(descriptor.webPanels().get(0)).satisfies(panel -> {
            assertThat(panel.labelKey()).isEqualTo("messaging.communications.tab");
            assertThat(panel.params()).containsEntry("data-messaging", "communications-tab");
        });
        assertThat(descriptor.webPanels()).allSatisfy(panel -> assertThat(panel.condition()).isPresent());
        assertThat(descriptor.restModules()).singleElement()
                .satisfies(rest -> assertThat(rest.mountPoint()).isEqualTo("/rest/messaging/1.0"));
        assertThat(descriptor.webResources()).extracting(resource -> resource.contexts())
                .containsExactly(java.util.List.of("ats.general"), java.util.List.of("ats.admin"));
    }

    @Test
    void readsEveryModuleType() throws Exception {
        PluginDescriptor descriptor = parse("""
                <ats-plugin key="demo" name-key="demo.name">
                  <plugin-info><description key="demo.description"/><vendor name="Demo Inc"/></plugin-info>
                  <i18n key="texts" location="i18n/demo"/>
                  <web-item key="icon" section="header" weight="20">
                    <label key="demo.label"/>
                    <tooltip key="demo.tooltip"/>
                    <link>/demo</link>
                    <param name="aria-label" value="Demo"/>
                  </web-item>
                  <web-panel key="tab" location="candidate.profile.tabs">
                    <label key="demo.tab"/>
                    <template location="templates/tab.vm"/>
                    <context-provider class="com.demo.TabContext"/>
                  </web-panel>
                  <web-resource key="ui">
                    <context>ats.general</context>
                    <context>ats.candidate.profile</context>
                    <resource name="demo.js" location="web/demo.js"/>
                  </web-resource>
                  <rest key="api" path="/demo" version="2.1" class="com.demo.Api"/>
                </ats-plugin>
                """);

        assertThat(descriptor.nameKey()).isEqualTo("demo.name");
        assertThat(descriptor.descriptionKey()).isEqualTo("demo.description");
        assertThat(descriptor.vendor()).isEqualTo("Demo Inc");
        assertThat(descriptor.webItems().get(0).weight()).isEqualTo(20);
        assertThat(descriptor.webItems().get(0).link()).isEqualTo("/demo");
        assertThat(descriptor.webItems().get(0).params()).isEqualTo(Map.of("aria-label", "Demo"));
        assertThat(descriptor.webPanels().get(0).weight()).isEqualTo(1000);
        assertThat(descriptor.webPanels().get(0).contextProvider()).map(ClassRef::className).contains("com.demo.TabContext");
        assertThat(descriptor.webResources().get(0).contexts()).containsExactly("ats.general", "ats.candidate.profile");
        assertThat(descriptor.restModules().get(0).mountPoint()).isEqualTo("/rest/demo/2.1");
        assertThat(descriptor.classRefs()).extracting(ClassRef::className).containsExactlyInAnyOrder(
                "com.demo.TabContext", "com.demo.Api");
    }

    @Test
    void classReferencesRememberTheirLine() throws Exception {
        PluginDescriptor descriptor = parse("""
                <ats-plugin key="demo">
                  <rest key="api" path="/demo" version="1"
                        class="com.demo.Api"/>
                </ats-plugin>
                """);

        assertThat(descriptor.restModules().get(0).servlet().line()).isEqualTo(3);
    }

    @Test
    void malformedXmlNamesFileAndLine() {
        DescriptorException e = refused("""
                <ats-plugin key="demo">
                  <web-item key="a" section="header">
                </ats-plugin>
                """);

        assertThat(e.file()).isEqualTo("test-descriptor.xml");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("test-descriptor.xml line 3: not well-formed XML");
    }

    @Test
    void unknownModuleTypeIsRefusedWithItsLine() {
        DescriptorException e = refused("""
                <ats-plugin key="demo">

                  <servlet key="x" url="/x"/>
                </ats-plugin>
                """);

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.problem()).startsWith("unknown module type <servlet>");
    }

    @Test
    void wrongRootIsRefused() {
        assertThat(refused("<atlassian-plugin key=\"x\"/>").problem())
                .isEqualTo("the root element must be <ats-plugin>, not <atlassian-plugin>");
    }

    @Test
    void missingAttributesAreNamed() {
        DescriptorException e = refused("""
                <ats-plugin key="demo">
                  <web-item key="icon"><label key="l"/></web-item>
                </ats-plugin>
                """);

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.problem()).isEqualTo("<web-item> is missing the attribute 'section'");
    }

    @Test
    void aLabelIsRequired() {
        assertThat(refused("""
                <ats-plugin key="demo"><web-item key="icon" section="header"/></ats-plugin>
                """).problem()).isEqualTo("<web-item> needs a <label key=\"...\"/>");
    }

    @Test
    void duplicateModuleKeysAreRefused() {
        DescriptorException e = refused("""
                <ats-plugin key="demo">
                  <web-item key="same" section="header"><label key="a"/></web-item>
                  <web-item key="same" section="header"><label key="b"/></web-item>
                </ats-plugin>
                """);

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.problem()).isEqualTo("module key 'same' is used twice");
    }

    @Test
    void paramsMayOnlyBecomeDataOrAriaAttributes() {
        assertThat(refused("""
                <ats-plugin key="demo">
                  <web-item key="i" section="header"><label key="a"/><param name="onclick" value="evil()"/></web-item>
                </ats-plugin>
                """).problem()).startsWith("param 'onclick' is not allowed");
    }

    @Test
    void restPathsAndVersionsAreChecked() {
        assertThat(refused("""
                <ats-plugin key="demo"><rest key="r" path="messaging" version="1.0" class="a.B"/></ats-plugin>
                """).problem()).startsWith("rest path 'messaging' must look like /name");
        assertThat(refused("""
                <ats-plugin key="demo"><rest key="r" path="/m" version="latest" class="a.B"/></ats-plugin>
                """).problem()).startsWith("rest version 'latest'");
        assertThat(refused("""
                <ats-plugin key="demo"><rest key="r" path="/m" version="1" class="not a class"/></ats-plugin>
                """).problem()).isEqualTo("'not a class' is not a Java class name");
    }

    @Test
    void locationsCannotLeaveTheBundle() {
        assertThat(refused("""
                <ats-plugin key="demo"><i18n key="t" location="../../etc/passwd"/></ats-plugin>
                """).problem()).startsWith("location '../../etc/passwd' must be a relative path");
    }

    @Test
    void doctypesAreRefusedSoNoExternalEntityIsEverRead() {
        DescriptorException e = refused("""
                <?xml version="1.0"?>
                <!DOCTYPE ats-plugin [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <ats-plugin key="&x;"/>
                """);

        assertThat(e.problem()).contains("DOCTYPE");
    }

    private PluginDescriptor parse(String xml) throws DescriptorException, IOException {
        return parser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private DescriptorException refused(String xml) {
        return assertThrows(DescriptorException.class, () -> parse(xml));
    }
}
