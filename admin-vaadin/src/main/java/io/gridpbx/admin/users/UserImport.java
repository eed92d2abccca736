package io.gridpbx.admin.users;

import io.gridpbx.admin.users.UserCsv.Line;
import io.gridpbx.admin.users.UserCsv.LineError;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.UserAdmin;
import io.gridpbx.core.manage.UserForm;
import io.gridpbx.core.manage.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports the users of a CSV all or nothing, through {@link UserAdmin#check} and
 * {@link UserAdmin#createAll}: the service holds the rules (and finds an extension or a login twice in
 * the file); this class only puts each problem back on its line of the file.
 */
final class UserImport {

    record Result(int created, List<LineError> errors) {
    }

    private final UserAdmin users;

    UserImport(UserAdmin users) {
        this.users = users;
    }

    Result run(Scope actor, String clientDomain, UserCsv.Parsed parsed) {
        List<UserForm> forms = parsed.lines().stream().map(Line::form).toList();
        List<LineError> errors = new ArrayList<>(parsed.errors());
        if (!forms.isEmpty()) {
            errors.addAll(onLines(parsed, users.check(actor, clientDomain, forms)));
        }
        if (!errors.isEmpty() || forms.isEmpty()) {
            return new Result(0, errors);
        }
        try {
            return new Result(users.createAll(actor, clientDomain, forms).size(), List.of());
        } catch (ValidationException changedMeanwhile) {
            // Someone took an extension or a login between the check and the save: nothing was created.
            List<LineError> now = onLines(parsed, users.check(actor, clientDomain, forms));
            return new Result(0, now.isEmpty()
                    ? changedMeanwhile.errors().stream().map(e -> new LineError(1, e)).toList() : now);
        }
    }

    private static List<LineError> onLines(UserCsv.Parsed parsed, List<UserAdmin.RowError> problems) {
        return problems.stream()
                .map(p -> new LineError(parsed.lines().get(p.row()).number(), p.error())).toList();
    }
}
