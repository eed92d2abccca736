package io.gridpbx.admin.layout;

import com.vaadin.flow.component.avatar.Avatar;
import io.gridpbx.admin.shared.Pictures;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.SelfCare;
import io.gridpbx.core.tenancy.User;

/**
 * A user's face in the header ({@code user-avatar}): its profile picture, or its initials without one.
 * The levels above a user have no avatar.
 */
final class UserAvatar extends Avatar {

    private final SelfCare selfCare;

    UserAvatar(SelfCare selfCare) {
        this.selfCare = selfCare;
        setId("user-avatar");
        addClassName("user-avatar");
        setVisible(false);
    }

    void show(Scope actor) {
        if (actor.level() != Level.USER) {
            setVisible(false);
            return;
        }
        try {
            User me = selfCare.me(actor);
            setName(me.fullName() == null ? me.displayName() : me.fullName());
            selfCare.picture(actor).ifPresentOrElse(p -> setImageHandler(Pictures.inline(p)), () -> setImage(null));
            setVisible(true);
        } catch (NotFoundException deletedMeanwhile) {
            setVisible(false);
        }
    }
}
