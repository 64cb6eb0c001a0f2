package gov.bnl.sphenix.production.job;


/**
 * A (code, subcode) pattern that recognises a kind of hold; {@link #ANY_SUBCODE} matches every
 * subcode of the code.
 */
public record HoldSignature(int code, int subcode) {

    public static final int ANY_SUBCODE = -1;

    public static HoldSignature anySubcode(int code) {
        return new HoldSignature(code, ANY_SUBCODE);
    }

    public boolean matches(Hold hold) {
        return hold.code() == code && (subcode == ANY_SUBCODE || hold.subcode() == subcode);
    }

    @Override
    public String toString() {
        return subcode == ANY_SUBCODE ? "code " + code : "code " + code + "/" + subcode;
    }
}
