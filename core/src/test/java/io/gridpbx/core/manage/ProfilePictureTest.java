package io.gridpbx.core.manage;

import static io.gridpbx.core.manage.TestImages.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.location.AddressOfRecord;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A user sets, reads and removes its own profile picture: a PNG or JPEG of at most 256 KB, told by its bytes. */
class ProfilePictureTest {

    private static final AddressOfRecord ME = new AddressOfRecord("202", "office.demo.gridpbx.test");
    private static final Scope USER = Scope.user(ME);

    private final ManagementFixture f = new ManagementFixture();

    @Test
    void aUserSetsAPngPicture_andReadsItBack() {
        byte[] png = image("png", 64, false);

        Picture saved = f.selfCare.setPicture(USER, png);

        assertThat(saved.contentType()).isEqualTo(Picture.PNG);
        assertThat(f.selfCare.picture(USER)).hasValueSatisfying(p -> assertThat(p.bytes()).isEqualTo(png));
    }

    @Test
    void aJpegIsTakenToo_whateverTheFileWasCalled() {
        assertThat(f.selfCare.setPicture(USER, image("jpg", 64, false)).contentType()).isEqualTo(Picture.JPEG);
    }

    @Test
    void aPictureLargerThan256KB_isRefused_andTheOldOneStays() {
        byte[] small = image("png", 32, false);
        byte[] large = image("png", 400, true);
        assertThat(large.length).as("a real PNG over the limit").isGreaterThan(Picture.MAX_BYTES);
        f.selfCare.setPicture(USER, small);

        assertThatThrownBy(() -> f.selfCare.setPicture(USER, large))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(x -> x.field() + ":" + x.code()).containsExactly("picture:picture.too-large"));
        assertThat(f.selfCare.picture(USER)).hasValueSatisfying(p -> assertThat(p.bytes()).isEqualTo(small));
    }

    @Test
    void aFileThatIsNotAPngOrJpeg_isRefused() {
        for (byte[] bytes : new byte[][] {"<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8),
                image("gif", 16, false), new byte[0]}) {
            assertThatThrownBy(() -> f.selfCare.setPicture(USER, bytes))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::code).containsExactly("picture.not-image"));
        }
        assertThat(f.selfCare.picture(USER)).isEmpty();
    }

    @Test
    void aUserRemovesItsPicture() {
        f.selfCare.setPicture(USER, image("png", 16, false));

        f.selfCare.clearPicture(USER);

        assertThat(f.selfCare.picture(USER)).isEmpty();
    }

    @Test
    void onlyAUserHasAPortalPicture() {
        assertThatThrownBy(() -> f.selfCare.setPicture(Scope.client(ME.domain()), image("png", 16, false)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void deletingAUser_deletesItsPicture_soANewUserOfTheExtensionStartsWithout() {
        f.selfCare.setPicture(USER, image("png", 16, false));

        f.users.delete(Scope.client(ME.domain()), ME);

        assertThat(f.pictures.find(ME)).isEmpty();
    }

    @Test
    void aPictureIsAValue_thatItsCallerCannotChange() {
        byte[] png = image("png", 8, false);
        Picture picture = Picture.of(png);
        png[20] ^= 1;
        picture.bytes()[21] ^= 1;

        assertThat(picture).isEqualTo(Picture.of(image("png", 8, false)));
        assertThatThrownBy(() -> new Picture(Picture.JPEG, image("png", 8, false)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
