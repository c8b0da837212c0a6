// ajv-cli `-c` module: what build.mjs adds to Ajv for our schemas — formats, and the two
// annotation keywords of the schemas (x-pilot-rule, enumDescriptions, x-aliases) so strict mode accepts them.
module.exports = function pilotPlanAjv(ajv) {
  require('ajv-formats')(ajv);
  ajv.addVocabulary(['x-pilot-rule', 'enumDescriptions', 'x-aliases']);
  return ajv;
};
