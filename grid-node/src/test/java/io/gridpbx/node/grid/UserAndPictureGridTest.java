package io.gridpbx.node.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.manage.Picture;
import io.gridpbx.core.tenancy.CallSettings;
import io.gridpbx.core.tenancy.User;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A user's names, profile and picture across members, and users that members of the previous version wrote. */
class UserAndPictureGridTest {

    private static final String OFFICE = "office.demo.gridpbx.test";
    private static final AddressOfRecord AOR = new AddressOfRecord("250", OFFICE);

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(2);
    private HazelcastInstance first;
    private HazelcastInstance second;

    @BeforeEach
    void startMembers() {
        first = factory.newHazelcastInstance(GridMemberConfig.grid("user-picture-test"));
        second = factory.newHazelcastInstance(GridMemberConfig.grid("user-picture-test"));
    }

    @AfterEach
    void stopMembers() {
        factory.terminateAll();
    }

    @Test
    void aUsersNamesAndProfile_readTheSameOnTheOtherMember() {
        User ann = new User("250", OFFICE, "250", "Ann Lee", "fr", CallSettings.DEFAULTS, "Sales", null, "Ann", "Lee",
                "a1b2c3d4e5");

        first.getMap(MapNames.USERS).set(AOR.toString(), ann);

        assertThat(new HazelcastTenantDirectory(second).user(AOR)).hasValue(ann);
    }

    /** A rolling upgrade: a user written by a member that knew no names must still read, without them. */
    @Test
    void aUserWrittenBeforeNamesExisted_readsWithoutNamesOrProfile() {
        GenericRecord old = GenericRecordBuilder.compact("gridpbx.User")
                .setString("extension", "250").setString("domain", OFFICE).setString("authUser", "250")
                .setString("displayName", "Old Timer").setString("language", "en")
                .setBoolean("dnd", false).setBoolean("callWaiting", true).setString("forwardUnconditional", null)
                .setString("forwardBusy", null).setString("forwardNoAnswer", null).setInt32("noAnswerSeconds", 20)
                .setString("department", null).setString("mac", null).build();

        first.getMap(MapNames.USERS).set(AOR.toString(), old);

        User read = new HazelcastTenantDirectory(second).user(AOR).orElseThrow();
        assertThat(read.displayName()).isEqualTo("Old Timer");
        assertThat(read.firstName()).isNull();
        assertThat(read.lastName()).isNull();
        assertThat(read.profile()).isNull();
    }

    @Test
    void aPictureSavedOnOneMember_isReadByteForByteOnTheOther_untilDeleted() throws IOException {
        Picture picture = Picture.of(png());

        new HazelcastPictureStore(first).save(AOR, picture);

        HazelcastPictureStore onSecond = new HazelcastPictureStore(second);
        assertThat(onSecond.find(AOR)).hasValue(picture);
        new HazelcastPictureStore(first).delete(AOR);
        assertThat(onSecond.find(AOR)).isEmpty();
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(24, 24, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xff8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
