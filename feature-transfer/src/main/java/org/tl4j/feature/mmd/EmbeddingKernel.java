package org.tl4j.feature.mmd;

/**
 * How an MMD embedding (TCA, JDA, BDA) is parameterised, as the {@code ker} option of the JDA/BDA code:
 * <ul>
 *   <li>{@link #PRIMAL}: a projection matrix {@code A} ({@code d×k}) of the input features, regularised by
 *   {@code λ‖A‖²_F}; the generalised eigenproblem is {@code d×d}.</li>
 *   <li>{@link #LINEAR}: dual coefficients {@code W} ({@code n×k}) on the linear kernel {@code K = XXᵀ}, regularised
 *   by {@code λ‖W‖²_F} (Pan et al.'s TCA); the embedding is still linear in the input.</li>
 *   <li>{@link #RBF}: dual coefficients on the Gaussian kernel {@code exp(−γ‖x−y‖²)}; the embedding of a new sample
 *   needs the training samples.</li>
 * </ul>
 * PRIMAL and LINEAR span the same kind of maps but regularise different parameters, so they give different
 * embeddings.
 */
public enum EmbeddingKernel {
    /** Projection of the inputs, {@code λ‖A‖²} regulariser. */
    PRIMAL,
    /** Linear kernel, {@code λ‖W‖²} on the dual coefficients. */
    LINEAR,
    /** Gaussian kernel, {@code λ‖W‖²} on the dual coefficients. */
    RBF
}
