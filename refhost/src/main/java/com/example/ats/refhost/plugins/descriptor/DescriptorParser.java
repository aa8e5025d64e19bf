package com.example.ats.refhost.plugins.descriptor;

import com.example.ats.refhost.plugins.descriptor.PluginDescriptor.I18n;
import com.example.ats.refhost.plugins.descriptor.PluginDescriptor.Resource;
import com.example.ats.refhost.plugins.descriptor.PluginDescriptor.Rest;
import com.example.ats.refhost.plugins.descriptor.PluginDescriptor.WebItem;
import com.example.ats.refhost.plugins.descriptor.PluginDescriptor.WebPanel;
import com.example.ats.refhost.plugins.descriptor.PluginDescriptor.WebResource;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks a {@code plugin-descriptor.xml}. Anything the host would not know how to
 * honour is an error with its line: an unknown module type, a missing attribute, a duplicate key.
 */
public final class DescriptorParser {
    private static final String ROOT = "ats-plugin";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern REST_PATH = Pattern.compile("/[a-z0-9][a-z0-9-]*");
    private static final Pattern REST_VERSION = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");
    private static final Pattern PARAM_NAME = Pattern.compile("(data|aria)-[a-z0-9-]+");
    private static final Pattern RESOURCE_LOCATION = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_.-]+)*");
    private static final Set<String> MODULE_TYPES = Set.of("plugin-info", "i18n", "web-item", "web-panel",
            "web-resource", "rest");

    private final String file;

    public DescriptorParser(String file) {
        this.file = file;
    }

    public DescriptorParser() {
        this(PluginDescriptor.FILE);
    }

    public PluginDescriptor parse(InputStream in) throws DescriptorException, IOException {
        XmlNode root = XmlNode.parse(in, file);
        if (!root.name.equals(ROOT)) {
            throw error(root, "the root element must be <" + ROOT + ">, not <" + root.name + ">");
        }
        String key = key(root, "key");
        Set<String> moduleKeys = new HashSet<>();
        Optional<I18n> i18n = Optional.empty();
        String descriptionKey = null;
        String vendor = null;
        List<WebItem> items = new ArrayList<>();
        List<WebPanel> panels = new ArrayList<>();
        List<WebResource> resources = new ArrayList<>();
        List<Rest> rests = new ArrayList<>();
        for (XmlNode module : root.children) {
            if (!MODULE_TYPES.contains(module.name)) {
                throw error(module, "unknown module type <" + module.name + "> (known: "
                        + String.join(", ", MODULE_TYPES.stream().sorted().toList()) + ")");
            }
            if (module.name.equals("plugin-info")) {
                descriptionKey = module.children("description").stream().findFirst()
                        .flatMap(d -> d.attribute("key")).orElse(null);
                vendor = module.children("vendor").stream().findFirst().flatMap(v -> v.attribute("name")).orElse(null);
                continue;
            }
            String moduleKey = key(module, "key");
            if (!moduleKeys.add(moduleKey)) {
                throw error(module, "module key '" + moduleKey + "' is used twice");
            }
            switch (module.name) {
                case "i18n" -> {
                    if (i18n.isPresent()) {
                        throw error(module, "only one <i18n> module is allowed");
                    }
                    i18n = Optional.of(new I18n(moduleKey, location(module, "location")));
                }
                case "web-item" -> items.add(webItem(module, moduleKey));
                case "web-panel" -> panels.add(webPanel(module, moduleKey));
                case "web-resource" -> resources.add(webResource(module, moduleKey));
                case "rest" -> rests.add(rest(module, moduleKey, rests));
                default -> throw new IllegalStateException(module.name);
            }
        }
        return new PluginDescriptor(key, root.attribute("name-key").orElse(null), descriptionKey, vendor, i18n,
                items, panels, resources, rests);
    }

    private WebItem webItem(XmlNode node, String key) throws DescriptorException {
        return new WebItem(key, required(node, "section"), weight(node), labelKey(node),
                childAttribute(node, "tooltip", "key").orElse(null),
                child(node, "link").map(XmlNode::text).orElse("#"),
                optionalLocation(node, "icon").orElse(null),
                params(node), condition(node));
    }

    private WebPanel webPanel(XmlNode node, String key) throws DescriptorException {
        XmlNode template = child(node, "template")
                .orElseThrow(() -> error(node, "<web-panel> '" + key + "' needs a <template location=\"...\"/>"));
        return new WebPanel(key, required(node, "location"), weight(node), labelKey(node),
                location(template, "location"), classChild(node, "context-provider"), params(node), condition(node));
    }

    private WebResource webResource(XmlNode node, String key) throws DescriptorException {
        List<String> contexts = new ArrayList<>();
        for (XmlNode context : node.children("context")) {
            if (context.text().isEmpty()) {
                throw error(context, "<context> is empty");
            }
            contexts.add(context.text());
        }
        List<Resource> files = new ArrayList<>();
        for (XmlNode resource : node.children("resource")) {
            files.add(new Resource(required(resource, "name"), location(resource, "location")));
        }
        if (files.isEmpty()) {
            throw error(node, "<web-resource> '" + key + "' lists no <resource>");
        }
        return new WebResource(key, contexts, files, condition(node));
    }

    private Rest rest(XmlNode node, String key, List<Rest> earlier) throws DescriptorException {
        String path = required(node, "path");
        if (!REST_PATH.matcher(path).matches()) {
            throw error(node, "rest path '" + path + "' must look like /name (lower case, digits, dashes)");
        }
        String version = required(node, "version");
        if (!REST_VERSION.matcher(version).matches()) {
            throw error(node, "rest version '" + version + "' must look like 1.0");
        }
        Rest rest = new Rest(key, path, version, classRef(node));
        if (earlier.stream().anyMatch(r -> r.mountPoint().equals(rest.mountPoint()))) {
            throw error(node, "two rest modules use " + rest.mountPoint());
        }
        return rest;
    }

    private Optional<ClassRef> condition(XmlNode node) throws DescriptorException {
        return classChild(node, "condition");
    }

    private Optional<ClassRef> classChild(XmlNode node, String childName) throws DescriptorException {
        List<XmlNode> found = node.children(childName);
        if (found.size() > 1) {
            throw error(found.get(1), "only one <" + childName + "> is allowed in <" + node.name + ">");
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(classRef(found.get(0)));
    }

    private ClassRef classRef(XmlNode node) throws DescriptorException {
        String className = required(node, "class");
        if (!CLASS_NAME.matcher(className).matches()) {
            throw error(node, "'" + className + "' is not a Java class name");
        }
        return new ClassRef(className, node.line);
    }

    private Map<String, String> params(XmlNode node) throws DescriptorException {
        Map<String, String> params = new LinkedHashMap<>();
        for (XmlNode param : node.children("param")) {
            String name = required(param, "name");
            if (!PARAM_NAME.matcher(name).matches()) {
                throw error(param, "param '" + name + "' is not allowed; params become data-* or aria-* attributes");
            }
            params.put(name, param.attribute("value").orElse(""));
        }
        return params;
    }

    private String labelKey(XmlNode node) throws DescriptorException {
        return childAttribute(node, "label", "key")
                .orElseThrow(() -> error(node, "<" + node.name + "> needs a <label key=\"...\"/>"));
    }

    private int weight(XmlNode node) throws DescriptorException {
        String weight = node.attribute("weight").orElse("1000");
        try {
            return Integer.parseInt(weight);
        } catch (NumberFormatException e) {
            throw error(node, "weight '" + weight + "' is not a whole number");
        }
    }

    private Optional<String> optionalLocation(XmlNode node, String childName) throws DescriptorException {
        Optional<XmlNode> child = child(node, childName);
        return child.isEmpty() ? Optional.empty() : Optional.of(location(child.get(), "location"));
    }

    private String location(XmlNode node, String attribute) throws DescriptorException {
        String location = required(node, attribute);
        if (!RESOURCE_LOCATION.matcher(location).matches() || location.contains("..")) {
            throw error(node, "location '" + location + "' must be a relative path inside the bundle");
        }
        return location;
    }

    private Optional<String> childAttribute(XmlNode node, String childName, String attribute) {
        return child(node, childName).flatMap(c -> c.attribute(attribute));
    }

    private static Optional<XmlNode> child(XmlNode node, String childName) {
        return node.children(childName).stream().findFirst();
    }

    private String key(XmlNode node, String attribute) throws DescriptorException {
        String key = required(node, attribute);
        if (!KEY.matcher(key).matches()) {
            throw error(node, "key '" + key + "' may hold only letters, digits, '.', '_' and '-'");
        }
        return key;
    }

    private String required(XmlNode node, String attribute) throws DescriptorException {
        return node.attribute(attribute).orElseThrow(
                () -> error(node, "<" + node.name + "> is missing the attribute '" + attribute + "'"));
    }

    private DescriptorException error(XmlNode node, String problem) {
        return new DescriptorException(file, node.line, problem);
    }
}
