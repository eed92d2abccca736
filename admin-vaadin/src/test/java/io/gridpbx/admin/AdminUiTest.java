package io.gridpbx.admin;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;
import java.util.stream.Stream;
import com.vaadin.flow.component.Component;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.core.access.Actor;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the browserless view tests: every view of the portal, built from a fresh {@link UiFixture},
 * in English until a test switches.
 */
@ViewPackages(packages = "io.gridpbx.admin")
public abstract class AdminUiTest extends BrowserlessTest {

    protected UiFixture fixture;

    @Override
    protected Set<Class<?>> lookupServices() {
        return Set.of(FixtureInstantiator.Factory.class);
    }

    /** The fixture comes first: setting up the UI already opens the root view, built from its services. */
    @BeforeEach
    @Override
    protected void initVaadinEnvironment() {
        fixture = new UiFixture();
        FixtureInstantiator.fixture = fixture;
        super.initVaadinEnvironment();
        VaadinSession.getCurrent().setLocale(Locale.ENGLISH);
    }

    /** A button of a grid row's "actions" column, by element id (row buttons are rendered, not in the tree). */
    protected Button rowButton(Grid<?> grid, String id) {
        GridTester<Grid<Object>, Object> tester = test(castGrid(grid));
        for (int row = 0; row < tester.size(); row++) {
            Component cell = tester.getCellComponent(row, "actions");
            Optional<Button> found = Stream.concat(Stream.of(cell), cell.getChildren())
                    .filter(c -> c.getId().filter(id::equals).isPresent()).map(Button.class::cast).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new AssertionError("no row button " + id);
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> castGrid(Grid<?> grid) {
        return (Grid<Object>) grid;
    }

    /** Signs in as a demo login (password {@code demo-pass}), as the sign-in page would. */
    protected Actor signIn(String email) {
        Actor actor = fixture.actor(email);
        AdminSession.signIn(actor, Locale.ENGLISH);
        return actor;
    }
}
