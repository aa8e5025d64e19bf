package com.example.ats.messaging.settings;

import java.util.List;

/**
 * The administrators' settings form: every setting of {@link SettingKeys}, grouped as an admin
 * thinks of them, with the kind of input each one needs. Labels and hints are i18n texts
 * {@code messaging.admin.setting.KEY} and {@code messaging.admin.setting.KEY.hint}.
 */
public final class SettingsForm {
    /** What an input holds. */
    public enum Kind {
        TEXT("text"), NUMBER("number"), SECRET("password"), CHOICE("select"), EMAIL("email"), URL("url");

        private final String inputType;

        Kind(String inputType) {
            this.inputType = inputType;
        }

        public String inputType() {
            return inputType;
        }
    }

    /** One input. */
    public record Field(String key, Kind kind, List<String> choices) {
        static Field of(String key, Kind kind) {
            return new Field(key, kind, List.of());
        }

        /** The input's element id. */
        public String id() {
            return "messaging-setting-" + key.replace('.', '-');
        }
    }

    /** A fieldset; its legend is the i18n text {@code messaging.admin.group.KEY}. */
    public record Group(String key, List<Field> fields) {
    }

    private static final List<String> TLS = List.of("NONE", "STARTTLS", "SSL");

    public static final List<Group> GROUPS = List.of(
            new Group("email", List.of(
                    Field.of("smtp.host", Kind.TEXT),
                    Field.of("smtp.port", Kind.NUMBER),
                    new Field("smtp.tls", Kind.CHOICE, TLS),
                    Field.of("smtp.user", Kind.TEXT),
                    Field.of("smtp.password", Kind.SECRET),
                    Field.of("email.from.address", Kind.EMAIL),
                    Field.of("email.from.name", Kind.TEXT),
                    Field.of("email.reply.address", Kind.EMAIL))),
            new Group("mailbox", List.of(
                    Field.of("imap.host", Kind.TEXT),
                    Field.of("imap.port", Kind.NUMBER),
                    new Field("imap.tls", Kind.CHOICE, TLS),
                    Field.of("imap.user", Kind.TEXT),
                    Field.of("imap.password", Kind.SECRET),
                    Field.of("imap.folder", Kind.TEXT),
                    Field.of("imap.poll.millis", Kind.NUMBER))),
            new Group("sms", List.of(
                    Field.of("twilio.account.sid", Kind.TEXT),
                    Field.of("twilio.auth.token", Kind.SECRET),
                    Field.of("twilio.from", Kind.TEXT),
                    Field.of("twilio.messaging.service.sid", Kind.TEXT),
                    Field.of("twilio.api.base", Kind.URL),
                    Field.of("twilio.messages.per.second", Kind.NUMBER))),
            new Group("general", List.of(
                    Field.of("public.base.url", Kind.URL),
                    Field.of("notify.batch.minutes", Kind.NUMBER))));

    private SettingsForm() {
    }
}
