package io.gridpbx.admin.users;

import io.gridpbx.core.manage.FieldError;
import io.gridpbx.core.manage.UserForm;
import io.gridpbx.core.manage.Csv;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The users CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF). Columns are named after the
 * {@link UserForm} fields, in any order; an export leaves the secrets out, an import needs at least
 * {@code extension}, {@code sipPassword} and a name: {@code displayName}, or {@code firstName} and
 * {@code lastName} (the display name is then "first last"). A file saved by a spreadsheet in a
 * comma-decimal locale uses semicolons: the header line tells which.
 */
final class UserCsv {

    static final List<String> EXPORT_COLUMNS = List.of("extension", "displayName", "firstName", "lastName", "email",
            "language", "department", "mac");
    static final List<String> IMPORT_COLUMNS = List.of("extension", "displayName", "firstName", "lastName",
            "sipPassword", "email", "portalPassword", "language", "department", "mac");
    // Typed by people, so possibly a spreadsheet formula; extensions may start with + and stay as they are.
    static final List<String> REQUIRED_COLUMNS = List.of("extension", "sipPassword");
    /** At least one of these names the user. */
    private static final List<String> NAME_COLUMNS = List.of("displayName", "firstName", "lastName");

    /** One data line of an import, by its line number in the file (the header is line 1). */
    record Line(int number, UserForm form) {
    }

    /** What is wrong with one line, or with the file (line 1 for the header). */
    record LineError(int line, FieldError error) {
    }

    record Parsed(List<Line> lines, List<LineError> errors) {
    }

    private UserCsv() {
    }

    /** @param rows values in the order of {@link #EXPORT_COLUMNS} */
    static String write(List<List<@Nullable String>> rows) {
        StringBuilder csv = new StringBuilder(String.join(",", EXPORT_COLUMNS)).append("\r\n");
        for (List<@Nullable String> row : rows) {
            csv.append(Csv.row(row.stream().map(value -> value == null ? "" : value).toArray(String[]::new)));
        }
        return csv.toString();
    }

    static Parsed parse(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<LineError> errors = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        int firstBreak = content.indexOf('\n');
        String headerLine = firstBreak < 0 ? content : content.substring(0, firstBreak);
        char separator = headerLine.indexOf(',') < 0 && headerLine.indexOf(';') >= 0 ? ';' : ',';
        List<Record> records = records(content, separator);
        if (records.isEmpty() || records.getFirst().cells().stream().allMatch(String::isBlank)) {
            return new Parsed(lines, List.of(new LineError(1, FieldError.of("file", "csv.empty", "the file is empty"))));
        }
        Map<String, Integer> columns = header(records.getFirst().cells(), errors);
        if (!errors.isEmpty()) {
            return new Parsed(lines, errors);
        }
        for (Record record : records.subList(1, records.size())) {
            if (record.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            if (record.cells().size() != columns.size()) {
                errors.add(new LineError(record.line(), FieldError.of("line", "csv.cells",
                        "expected " + columns.size() + " values, found " + record.cells().size())));
                continue;
            }
            lines.add(new Line(record.line(), form(record.cells(), columns)));
        }
        return new Parsed(lines, errors);
    }

    private static Map<String, Integer> header(List<String> cells, List<LineError> errors) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String typed = cells.get(i).trim();
            String known = IMPORT_COLUMNS.stream().filter(c -> c.equalsIgnoreCase(typed)).findFirst().orElse(null);
            if (known == null) {
                errors.add(new LineError(1, FieldError.of(typed, "csv.column-unknown", "unknown column '" + typed + "'")));
            } else if (columns.putIfAbsent(known, i) != null) {
                errors.add(new LineError(1, FieldError.of(known, "csv.column-twice", "the column appears twice")));
            }
        }
        REQUIRED_COLUMNS.stream().filter(c -> !columns.containsKey(c)).forEach(c -> errors.add(
                new LineError(1, FieldError.of(c, "csv.column-missing", "the column is required"))));
        if (NAME_COLUMNS.stream().noneMatch(columns::containsKey)) {
            errors.add(new LineError(1, FieldError.of("displayName", "csv.column-missing",
                    "the column is required (or firstName and lastName)")));
        }
        return columns;
    }

    private static UserForm form(List<String> cells, Map<String, Integer> columns) {
        return new UserForm(cell(cells, columns, "extension"), cell(cells, columns, "displayName"),
                cell(cells, columns, "sipPassword"), cell(cells, columns, "email"),
                cell(cells, columns, "portalPassword"), cell(cells, columns, "language"),
                cell(cells, columns, "department"), cell(cells, columns, "mac"), cell(cells, columns, "firstName"),
                cell(cells, columns, "lastName"), null);
    }

    private static @Nullable String cell(List<String> cells, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null ? null : cells.get(index).trim();
    }

    private record Record(int line, List<String> cells) {
    }

    /** Splits the text into records, keeping separators and line breaks that are inside quotes. */
    private static List<Record> records(String text, char separator) {
        List<Record> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                records.add(new Record(recordLine, List.copyOf(cells)));
                cells.clear();
                line++;
                recordLine = line;
            } else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            records.add(new Record(recordLine, List.copyOf(cells)));
        }
        return records;
    }
}
