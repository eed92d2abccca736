package io.gridpbx.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.di.InstantiatorFactory;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;
import io.gridpbx.admin.i18n.AdminTranslations;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Builds views the way the node's Spring instantiator does, by their one constructor, from the
 * services of the current {@link UiFixture}. Registered through the browserless test's lookup.
 */
public final class FixtureInstantiator extends DefaultInstantiator {

    static volatile UiFixture fixture;
    private static final I18NProvider TRANSLATIONS = new AdminTranslations();

    public FixtureInstantiator(VaadinService service) {
        super(service);
    }

    /** Found by Vaadin's lookup; must be public with a no-argument constructor. */
    public static final class Factory implements InstantiatorFactory {
        @Override
        public Instantiator createInstantitor(VaadinService service) {
            return new FixtureInstantiator(service);
        }
    }

    @Override
    public <T> T getOrCreate(Class<T> type) {
        for (Object service : fixture.services()) {
            if (type.isInstance(service)) {
                return type.cast(service);
            }
        }
        Constructor<?>[] constructors = type.getDeclaredConstructors();
        if (constructors.length != 1 || constructors[0].getParameterCount() == 0 || type.getName().startsWith("com.vaadin")) {
            return super.getOrCreate(type);
        }
        Constructor<?> constructor = constructors[0];
        constructor.setAccessible(true);
        Object[] arguments = Arrays.stream(constructor.getParameterTypes()).map(this::getOrCreate).toArray();
        try {
            return type.cast(constructor.newInstance(arguments));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }

    @Override
    public <T extends Component> T createComponent(Class<T> componentClass) {
        return getOrCreate(componentClass);
    }

    @Override
    public I18NProvider getI18NProvider() {
        return TRANSLATIONS;
    }
}
