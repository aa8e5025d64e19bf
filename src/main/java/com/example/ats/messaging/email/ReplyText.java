package com.example.ats.messaging.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The part of an email reply the candidate wrote, for the chat bubble: without quoted history
 * ("On … wrote:" headers, possibly wrapped over two lines, and {@code >} lines), Outlook-style
 * forwarded history ("-----Original Message-----", a rule, or a From:/Sent: block, after which
 * everything is history) and a trailing signature ("-- ", "__", "Sent from my iPhone"). Text
 * written below a quote (bottom posting) stays. Follows the rules of GitHub's email_reply_parser;
 * line by line with anchored patterns, so a huge quote or odd input costs linear time.
 */
public final class ReplyText {
    private static final Pattern WROTE = Pattern.compile(
            "^(On\\s.{1,300}wrote:|Am\\s.{1,300}schrieb.{0,100}:|Le\\s.{1,300}a écrit\\s?:|El\\s.{1,300}escribió:"
                    + "|Op\\s.{1,300}geschreven.{0,50}:|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}.{1,200}<[^>\\s]+@[^>\\s]+>.{0,50}:)$");
    private static final Pattern ON_START = Pattern.compile("^(On|Am|Le|El|Op)\\s.*");
    private static final Pattern WROTE_END = Pattern.compile(".*(wrote|schrieb|a écrit|escribió|geschreven).{0,60}:$");
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original)\\s*-{2,}$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RULE = Pattern.compile("^[-_]{10,}$");
    private static final Pattern HEADER_FROM = Pattern.compile("^\\*?(From|Von|De):\\*?\\s.+", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_FOLLOWING = Pattern.compile(
            "^\\*?(Sent|Date|Gesendet|Datum|Envoyé|Enviado|To|An|À|Para|Subject|Betreff|Objet|Asunto):\\*?\\s.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGNATURE = Pattern.compile(
            "^(--\\s*|__\\s*|-\\w.{0,40}|Sent from my \\S+(\\s\\S+){0,3}|Sent from \\S+ for \\S+|Gesendet von meinem \\S+(\\s\\S+){0,2})$");

    private ReplyText() {
    }

    /** The visible reply; the whole text when nothing is left (a reply that is only a quote). */
    public static String visible(String text) {
        if (text == null) {
            return "";
        }
        List<String> lines = joinWrappedHeaders(List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (startsHistory(lines, i)) {
                break;
            }
            if (trimmed.startsWith(">") || WROTE.matcher(trimmed).matches()) {
                continue;
            }
            kept.add(line);
        }
        cutSignature(kept);
        String visible = tidy(kept);
        return visible.isEmpty() ? text.strip() : visible;
    }

    /**
     * A header "On …" whose "wrote:" the sender's client wrapped onto the next line or two (the
     * address often lands on a line of its own) becomes one line.
     */
    private static List<String> joinWrappedHeaders(List<String> lines) {
        List<String> joined = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (ON_START.matcher(line).matches() && !WROTE_END.matcher(line).matches() && line.length() < 300) {
                String header = line;
                for (int next = i + 1; next < Math.min(lines.size(), i + 3); next++) {
                    String continuation = lines.get(next).strip();
                    if (continuation.isEmpty()) {
                        break;
                    }
                    header = header + " " + continuation;
                    if (WROTE_END.matcher(continuation).matches()) {
                        if (WROTE.matcher(header).matches()) {
                            joined.add(header);
                            i = next;
                            header = null;
                        }
                        break;
                    }
                }
                if (header == null) {
                    continue;
                }
            }
            joined.add(lines.get(i));
        }
        return joined;
    }

    /** Outlook and friends put the history below a marker without quoting it: all of it goes. */
    private static boolean startsHistory(List<String> lines, int i) {
        String line = lines.get(i).strip();
        if (ORIGINAL_MESSAGE.matcher(line).matches()) {
            return true;
        }
        if (RULE.matcher(line).matches()) {
            for (int j = i + 1; j < Math.min(lines.size(), i + 4); j++) {
                String next = lines.get(j).strip();
                if (!next.isEmpty()) {
                    return HEADER_FROM.matcher(next).matches();
                }
            }
            return false;
        }
        if (HEADER_FROM.matcher(line).matches()) {
            int headers = 0;
            for (int j = i + 1; j < Math.min(lines.size(), i + 5); j++) {
                if (HEADER_FOLLOWING.matcher(lines.get(j).strip()).matches()) {
                    headers++;
                }
            }
            return headers >= 2;
        }
        return false;
    }

    /** The last signature marker and what follows it, when it sits in the last paragraphs. */
    private static void cutSignature(List<String> kept) {
        for (int i = kept.size() - 1; i >= 0 && i >= kept.size() - 12; i--) {
            if (SIGNATURE.matcher(kept.get(i).strip()).matches() && (i > 0 || kept.size() > 1)) {
                kept.subList(i, kept.size()).clear();
                return;
            }
        }
    }

    private static String tidy(List<String> lines) {
        StringBuilder out = new StringBuilder();
        int blank = 0;
        for (String line : lines) {
            String stripped = line.stripTrailing();
            if (stripped.isEmpty()) {
                blank++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            blank = 0;
            out.append(stripped);
        }
        return out.toString();
    }
}
