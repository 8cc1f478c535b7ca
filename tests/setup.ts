// Adds the jest-dom matchers (toBeInTheDocument, …) to vitest's expect; harmless in Node tests.
import '@testing-library/jest-dom/vitest';
