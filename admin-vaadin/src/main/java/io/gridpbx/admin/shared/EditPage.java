package io.gridpbx.admin.shared;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouterLink;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.NotFoundException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The edit page of one object named in the URL ({@code clients/:domain}). The name always goes
 * through the service's {@code get} with the acting scope, so an object outside the actor's subtree
 * shows the "not found" panel, exactly like one that does not exist. Save button {@code save}, link
 * back to the list {@code back}.
 *
 * @param <T> what the service returns for the object
 * @param <E> its form
 */
public abstract class EditPage<T, E extends Component & Editor<T>> extends VerticalLayout
        implements BeforeEnterObserver, HasDynamicTitle {

    public final E editor;
    public final Button save = Buttons.primary("save", "action.save", this::save);
    private final String parameter;
    private final String titleKey;
    private final @Nullable Class<? extends Component> list;
    private String key = "";

    /**
     * @param parameter the route parameter that names the object
     * @param titleKey  the heading, a pattern with the object's name as {@code {0}}
     * @param list      the list to go back to; null for none
     */
    protected EditPage(String parameter, String titleKey, E editor, @Nullable Class<? extends Component> list) {
        this.parameter = parameter;
        this.titleKey = titleKey;
        this.editor = editor;
        this.list = list;
    }

    /** @throws NotFoundException when the object does not exist or lies outside the actor's subtree */
    protected abstract T find(Scope actor, String key);

    /** Saves the form; a {@link io.gridpbx.core.manage.ValidationException} shows on its fields. */
    protected abstract T store(Scope actor, String key);

    protected abstract String name(T item);

    /** The list to go back to, when the actor has one. */
    protected Optional<Class<? extends Component>> list() {
        return Optional.ofNullable(list);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        key = event.getRouteParameters().get(parameter).orElse("");
        removeAll();
        try {
            T item = find(AdminSession.require().scope(), key);
            editor.edit(item);
            HorizontalLayout buttons = new HorizontalLayout(save);
            list().ifPresent(target -> {
                RouterLink back = new RouterLink(getTranslation("action.back"), target);
                back.setId("back");
                buttons.add(back);
            });
            add(new H2(getTranslation(titleKey, name(item))), editor, buttons);
        } catch (NotFoundException unknown) {
            add(new NotFoundPanel(key));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey, key) + " · GridPBX";
    }

    private void save() {
        editor.errors().attempt(() -> {
            editor.edit(store(AdminSession.require().scope(), key));
            Notices.success(getTranslation("saved"));
        });
    }
}
