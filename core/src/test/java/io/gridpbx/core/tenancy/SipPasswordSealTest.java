package io.gridpbx.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.location.AddressOfRecord;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SipPasswordSealTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private final SipPasswordSeal seal = new SipPasswordSeal(key(1), new SplittableRandom(3));

    @Test
    void aSealedPasswordOpensForItsOwnCredentialsOnly() {
        String sealed = seal.seal("s3cret!", "201@office.demo.gridpbx.test");

        assertThat(sealed).startsWith("v1.").doesNotContain("s3cret");
        assertThat(seal.open(sealed, "201@office.demo.gridpbx.test")).contains("s3cret!");
        assertThat(seal.open(sealed, "202@office.demo.gridpbx.test")).as("copied to another user").isEmpty();
        assertThat(new SipPasswordSeal(key(2), new SplittableRandom(3)).open(sealed, "201@office.demo.gridpbx.test"))
                .as("another cluster's key").isEmpty();
    }

    @Test
    void tamperedOrMissingSeals_openToNothing() {
        String sealed = seal.seal("s3cret!", "201@d.test");
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);

        assertThat(seal.open(tampered, "201@d.test")).isEmpty();
        assertThat(seal.open(null, "201@d.test")).isEmpty();
        assertThat(seal.open("v1.!!!", "201@d.test")).isEmpty();
        assertThat(seal.open("v1.AAAA", "201@d.test")).isEmpty();
    }

    @Test
    void credentialsFromAPassword_keepItSealed_andNeverPrintIt() {
        SipCredentials credentials = SipCredentials.fromPassword("201", "Office.Demo.GridPBX.test",
                AddressOfRecord.parse("201@office.demo.gridpbx.test"), "s3cret!", seal);

        assertThat(seal.open(credentials.sealedPassword(), credentials.key())).contains("s3cret!");
        assertThat(credentials.toString()).doesNotContain("s3cret", credentials.ha1Md5(),
                credentials.sealedPassword());
        assertThat(SipCredentials.fromPassword("201", "d.test", AddressOfRecord.parse("201@d.test"), "x")
                .sealedPassword()).as("no key, nothing sealed").isNull();
    }
}
