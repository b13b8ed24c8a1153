/**
 * Test support shared by every module's tests (a test-scope dependency, never shipped):
 * {@link org.sparrow.testing.SharedData} locates the shared test matrices and decides whether their
 * absence skips a test or, in CI, fails it.
 */
package org.sparrow.testing;
