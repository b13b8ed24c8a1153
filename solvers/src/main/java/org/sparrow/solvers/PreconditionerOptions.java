package org.sparrow.solvers;

import org.sparrow.solvers.precond.IlukOptions;
import org.sparrow.solvers.precond.IlutOptions;

/**
 * The parameters of the preconditioners that have some, for building one by name
 * ({@link PreconditionerKind#build(org.sparrow.core.CsrMatrix, PreconditionerOptions)}); each kind reads
 * its own and ignores the others.
 *
 * @param ilut τ and p of {@link PreconditionerKind#ILUT}
 * @param iluk the level k of {@link PreconditionerKind#ILUK}
 */
public record PreconditionerOptions(IlutOptions ilut, IlukOptions iluk) {

    /**
     * Replaces a null part by its defaults.
     */
    public PreconditionerOptions {
        ilut = ilut == null ? IlutOptions.defaults() : ilut;
        iluk = iluk == null ? IlukOptions.defaults() : iluk;
    }

    /**
     * Every part at its defaults.
     *
     * @return the defaults
     */
    public static PreconditionerOptions defaults() {
        return new PreconditionerOptions(IlutOptions.defaults(), IlukOptions.defaults());
    }

    /**
     * These options with other ILUT thresholds.
     *
     * @param o τ and p
     * @return the new options
     */
    public PreconditionerOptions withIlut(IlutOptions o) {
        return new PreconditionerOptions(o, iluk);
    }

    /**
     * These options with another ILU(k) level.
     *
     * @param o the level
     * @return the new options
     */
    public PreconditionerOptions withIluk(IlukOptions o) {
        return new PreconditionerOptions(ilut, o);
    }
}
