package io.gridpbx.admin.users;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.gridpbx.admin.i18n.ErrorTexts;
import io.gridpbx.admin.users.UserCsv.LineError;
import io.gridpbx.core.access.Scope;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The CSV import: an upload ({@code import-csv}), one line of result ({@code import-result}) and, when
 * the file was refused, the report of every bad line ({@code import-report}: line, field, message).
 */
final class ImportPanel extends VerticalLayout {

    static final int MAX_BYTES = 1 << 20;

    final Upload upload = new Upload();
    final Div result = new Div();
    final Grid<LineError> report = new Grid<>();
    private final UserImport importer;
    private final Scope actor;
    private final String clientDomain;
    private final Runnable imported;

    ImportPanel(UserImport importer, Scope actor, String clientDomain, Runnable imported) {
        this.importer = importer;
        this.actor = actor;
        this.clientDomain = clientDomain;
        this.imported = imported;
        setPadding(false);
        addClassName("import-panel");
        upload.setId("import-csv");
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFileSize(MAX_BYTES);
        upload.setUploadButton(new com.vaadin.flow.component.button.Button(getTranslation("user.import")));
        upload.setDropLabel(new com.vaadin.flow.component.html.Span(getTranslation("user.import.drop")));
        UI ui = UI.getCurrent();
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) ->
                ui.access(() -> load(new String(bytes, StandardCharsets.UTF_8)))));
        result.setId("import-result");
        result.setVisible(false);
        report.setId("import-report");
        report.addColumn(LineError::line).setKey("line").setHeader(getTranslation("import.line")).setAutoWidth(true)
                .setFlexGrow(0);
        report.addColumn(e -> e.error().field()).setKey("field").setHeader(getTranslation("import.field"))
                .setAutoWidth(true).setFlexGrow(0);
        report.addColumn(e -> ErrorTexts.of(e.error(), getLocale())).setKey("message")
                .setHeader(getTranslation("import.message"));
        report.setAllRowsVisible(true);
        report.setVisible(false);
        add(new Paragraph(getTranslation("user.import.help", String.join(",", UserCsv.IMPORT_COLUMNS))), upload,
                result, report);
    }

    /** Checks and imports one file's text. */
    void load(String csv) {
        UserImport.Result outcome = importer.run(actor, clientDomain, UserCsv.parse(csv));
        List<LineError> errors = outcome.errors();
        result.setVisible(true);
        result.removeClassNames("form-error", "import-ok");
        if (errors.isEmpty()) {
            result.setText(getTranslation("import.done", outcome.created()));
            result.addClassName("import-ok");
            imported.run();
        } else {
            result.setText(getTranslation("import.refused", errors.size()));
            result.addClassName("form-error");
        }
        report.setItems(errors);
        report.setVisible(!errors.isEmpty());
    }
}
