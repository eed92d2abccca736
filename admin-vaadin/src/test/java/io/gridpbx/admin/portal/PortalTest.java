package io.gridpbx.admin.portal;

import static io.gridpbx.core.manage.TestImages.image;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import io.gridpbx.admin.AdminUiTest;
import io.gridpbx.core.location.AddressOfRecord;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PortalTest extends AdminUiTest {

    private static final AddressOfRecord ME = new AddressOfRecord("202", "office.demo.gridpbx.test");

    @BeforeEach
    void user() {
        signIn("202@office.demo.gridpbx.test");
    }

    @Test
    void home_showsWhoAndTheRegistrationStatus() {
        PortalHomeView home = navigate(PortalHomeView.class);
        assertThat(home.extension.getText()).isEqualTo("202@office.demo.gridpbx.test");
        assertThat(home.status.getElement().getTextRecursively()).isEqualTo("offline");
    }

    @Test
    void doNotDisturb_isSavedIntoTheDirectory() {
        SettingsView settings = navigate(SettingsView.class);
        assertThat(settings.dnd.getValue()).isFalse();
        test(settings.dnd).click();
        test(settings.forwardBusy).setValue("sip:voicemail@office.demo.gridpbx.test");
        test(settings.save).click();

        assertThat(fixture.directory.user(ME).orElseThrow().callSettings().doNotDisturb()).isTrue();
        assertThat(fixture.directory.user(ME).orElseThrow().callSettings().forwardBusy())
                .isEqualTo("sip:voicemail@office.demo.gridpbx.test");
        assertThat(test($(com.vaadin.flow.component.notification.Notification.class).last()).getText())
                .isEqualTo("Your settings are saved.");
    }

    @Test
    void badForward_isShownNextToItsField() {
        SettingsView settings = navigate(SettingsView.class);
        test(settings.forwardUnconditional).setValue("not a number");
        test(settings.noAnswerSeconds).setValue("2");
        test(settings.save).click();

        assertThat(settings.errors.shown()).containsEntry("forwardUnconditional", "A phone number or a sip: address")
                .containsEntry("noAnswerSeconds", "A whole number of seconds from 5 to 300");
    }

    @Test
    void newSipSecret_isShownOnceWithAQrCodeThatCarriesIt() throws Exception {
        SoftphoneView softphone = navigate(SoftphoneView.class);
        assertThat($(Span.class).id("sip-server").getText()).isEqualTo("office.demo.gridpbx.test");
        test(softphone.newSecret).click();

        String secret = $(Span.class).id("sip-secret").getText();
        assertThat(secret).hasSize(20);
        Image qr = $(Image.class).id("softphone-qr");
        assertThat(qr.getSrc()).isNotBlank();
        String payload = decode(QrCodes.png("sip:202@office.demo.gridpbx.test;secret=" + secret, 240));
        assertThat(payload).isEqualTo("sip:202@office.demo.gridpbx.test;secret=" + secret);
        assertThat(fixture.directory.credentials("202", "office.demo.gridpbx.test")).isPresent();
    }

    @Test
    void directory_listsTheColleagues() {
        DirectoryView directory = navigate(DirectoryView.class);
        assertThat(test(directory.grid).size()).isEqualTo(20);
    }

    @Test
    void password_changesTheSignedInAccountsPassword() {
        PasswordView page = navigate(PasswordView.class);
        test(page.current).setValue("demo-pass");
        test(page.password).setValue("new-password-202");
        test(page.confirm).setValue("new-password-202");
        test(page.change).click();

        assertThat(fixture.signIn.authenticate("202@office.demo.gridpbx.test", "new-password-202").email())
                .isEqualTo("202@office.demo.gridpbx.test");
    }

    @Test
    void aUserCannotOpenAdminViews() {
        navigate("users", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView()).isInstanceOf(PortalHomeView.class);
    }

    @Test
    void uploadingAPng_showsItOnTheHome_andAsTheAvatarInTheHeader() throws Exception {
        PortalHomeView home = navigate(PortalHomeView.class);
        assertThat(home.picture.image.isVisible()).as("no picture yet").isFalse();
        assertThat($(Avatar.class).id("user-avatar").getImage()).as("initials until then").isNull();
        byte[] png = image("png", 96, false);

        test(home.picture.upload).upload("me.png", "image/png", png);

        assertThat(fixture.pictures.find(ME)).hasValueSatisfying(p -> assertThat(p.bytes()).isEqualTo(png));
        assertThat(home.picture.image.isVisible()).isTrue();
        assertThat(home.picture.image.getSrc()).isNotBlank();
        assertThat(home.picture.remove.isVisible()).isTrue();
        assertThat(home.picture.error.isVisible()).isFalse();
        assertThat($(Avatar.class).id("user-avatar").getImage()).isNotBlank();
    }

    @Test
    void aJpegNamedAnything_isTakenAsAJpeg() throws Exception {
        PortalHomeView home = navigate(PortalHomeView.class);

        test(home.picture.upload).upload("photo.bin", "application/octet-stream", image("jpg", 64, false));

        assertThat(fixture.pictures.find(ME)).hasValueSatisfying(p -> assertThat(p.contentType()).isEqualTo("image/jpeg"));
    }

    @Test
    void aPictureOver256KB_isRefusedWithAClearError_andNothingIsSaved() throws Exception {
        PortalHomeView home = navigate(PortalHomeView.class);
        byte[] large = image("png", 400, true);
        assertThat(large.length).isGreaterThan(256 * 1024);

        test(home.picture.upload).upload("large.png", "image/png", large);

        assertThat(home.picture.error.isVisible()).isTrue();
        assertThat(home.picture.error.getText()).isEqualTo("The image is larger than 256 KB: choose a smaller one");
        assertThat(fixture.pictures.find(ME)).isEmpty();
        assertThat(home.picture.image.isVisible()).isFalse();
    }

    @Test
    void aFileThatIsNotAnImage_isRefusedWithAClearError_whateverItsName() {
        PortalHomeView home = navigate(PortalHomeView.class);

        test(home.picture.upload).upload("me.png", "image/png",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(home.picture.error.getText()).isEqualTo("This file is not a PNG or JPEG image");
        assertThat(fixture.pictures.find(ME)).isEmpty();
    }

    @Test
    void removingThePicture_bringsBackTheInitials() throws Exception {
        fixture.selfCare.setPicture(io.gridpbx.core.access.Scope.user(ME), image("png", 32, false));
        PortalHomeView home = navigate(PortalHomeView.class);
        assertThat(home.picture.image.isVisible()).isTrue();
        assertThat($(Avatar.class).id("user-avatar").getImage()).isNotBlank();

        test(home.picture.remove).click();

        assertThat(fixture.pictures.find(ME)).isEmpty();
        assertThat(home.picture.image.isVisible()).isFalse();
        assertThat(home.picture.remove.isVisible()).isFalse();
        assertThat($(Avatar.class).id("user-avatar").getImage()).isNull();
        assertThat($(Avatar.class).id("user-avatar").getName()).isEqualTo("202");
    }

    @Test
    void onlyAUserHasAnAvatar() {
        signIn("admin@office.demo.gridpbx.test");
        navigate("users", com.vaadin.flow.component.Component.class);

        assertThat($(Avatar.class).withId("user-avatar").exists()).as("hidden above the user level").isFalse();
    }

    private static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }
}
