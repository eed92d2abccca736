package io.gridpbx.core.manage;

import static io.gridpbx.core.manage.TestImages.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.location.AddressOfRecord;
import org.junit.jupiter.api.Test;

/** A reseller's logo: uploaded by the reseller (or the platform), shown to its clients and users only. */
class LogosTest {

    private static final String DEMO = "demo.gridpbx.test";
    private static final Scope RESELLER = Scope.reseller(DEMO);

    private final ManagementFixture f = new ManagementFixture();

    @Test
    void aResellersLogo_isShownToItsClientsAndUsers_notToAnotherResellers() {
        byte[] png = image("png", 48, false);

        f.logos.set(RESELLER, DEMO, png);

        assertThat(f.logos.shownTo(RESELLER)).hasValueSatisfying(l -> assertThat(l.bytes()).isEqualTo(png));
        assertThat(f.logos.shownTo(Scope.client("office.demo.gridpbx.test"))).isPresent();
        assertThat(f.logos.shownTo(Scope.user(AddressOfRecord.parse("202@office.demo.gridpbx.test")))).isPresent();
        assertThat(f.logos.shownTo(Scope.client("shop.other.gridpbx.test"))).isEmpty();
        assertThat(f.logos.shownTo(Scope.platform("gridpbx.test"))).isEmpty();
    }

    @Test
    void anotherReseller_orAClient_cannotTouchIt() {
        byte[] png = image("png", 48, false);

        assertThatThrownBy(() -> f.logos.set(Scope.reseller("other.gridpbx.test"), DEMO, png))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.logos.set(Scope.client("office.demo.gridpbx.test"), DEMO, png))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.logos.clear(Scope.reseller("other.gridpbx.test"), DEMO))
                .isInstanceOf(NotFoundException.class);
        f.logos.set(Scope.platform("gridpbx.test"), DEMO, png);
        assertThat(f.logos.of(RESELLER, DEMO)).isPresent();
    }

    @Test
    void notAnImage_orTooLarge_isRefusedOnTheLogoField_andTheOldOneStays() {
        f.logos.set(RESELLER, DEMO, image("png", 16, false));

        assertThatThrownBy(() -> f.logos.set(RESELLER, DEMO, "<svg/>".getBytes()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(x -> x.field() + ":" + x.code()).containsExactly("logo:picture.not-image"));
        assertThatThrownBy(() -> f.logos.set(RESELLER, DEMO, image("png", 400, true)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::code).containsExactly("picture.too-large"));
        assertThat(f.logos.of(RESELLER, DEMO)).hasValueSatisfying(
                l -> assertThat(l.bytes()).isEqualTo(image("png", 16, false)));
    }

    @Test
    void deletingTheReseller_removesItsLogo() {
        f.resellers.create(new io.gridpbx.core.access.Actor("admin@gridpbx.test",
                java.util.List.of(Scope.platform("gridpbx.test"))), new ResellerForm("fresh", "Fresh", "fresh@example.com",
                null, null, "fresh-pass-1", null));
        f.logos.set(Scope.reseller("fresh.gridpbx.test"), "fresh.gridpbx.test", image("png", 16, false));

        f.resellers.delete(Scope.platform("gridpbx.test"), "fresh.gridpbx.test");

        assertThat(f.logoStore.find("fresh.gridpbx.test")).isEmpty();
    }
}
