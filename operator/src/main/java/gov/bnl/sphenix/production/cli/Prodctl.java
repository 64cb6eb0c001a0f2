package gov.bnl.sphenix.production.cli;

public final class Prodctl {
    public static void main(String[] args) {
        System.out.println("prodctl");
    }
}
