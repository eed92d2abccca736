package io.gridpbx.core.manage;

/** RFC 4180 rows: fields quoted when they hold a comma, quote or line break; CRLF line ends. */
public final class Csv {

    private Csv() {
    }

    public static String row(String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields[i]));
        }
        return line.append("\r\n").toString();
    }

    static String field(String value) {
        // A leading =, +, - or @ makes spreadsheets evaluate the cell: neutralise it (CSV injection).
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("[+-]?[0-9.]+")
                ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
