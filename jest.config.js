/** Unit and integration tests (Node). Browser tests run separately: npm run test:e2e. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { isolatedModules: true, module: "commonjs", jsx: "react-jsx", esModuleInterop: true, target: "ES2021" } }],
  },
  testTimeout: 60000,
};
