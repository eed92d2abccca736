package io.gridpbx.admin.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Puts the {@link AccessGuard} on every UI. Found through {@code META-INF/services}, which both the
 * Spring instantiator and the plain one read, so the node and the browserless tests get the same guard.
 */
public final class AccessGuardInstaller implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(new AccessGuard()));
    }
}
