/** The lesson catalog the build makes from lessons/ (scripts/lessonCatalogPlugin.ts). */
declare module 'virtual:lesson-catalog' {
  const catalog: import('./catalog.js').Catalog;
  export default catalog;
}
