// Validates every object of a rendered manifest file against the Kubernetes API's OpenAPI schemas, as shipped by
// kubernetes-models: node validate.mjs rendered.yaml. Exits 1 when an object is invalid or of an unknown kind.
import fs from 'node:fs';
import * as yaml from 'js-yaml';

const file = process.argv[2];
const objects = yaml.loadAll(fs.readFileSync(file, 'utf8')).filter(Boolean);
let invalid = 0;
for (const object of objects) {
  const name = `${object.kind}/${object.metadata?.name}`;
  const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : [null, object.apiVersion];
  try {
    const models = await import(group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`);
    if (!models[object.kind]) throw new Error(`no kind ${object.kind} in ${object.apiVersion}`);
    new models[object.kind](object).validate();
  } catch (error) {
    invalid++;
    console.log(`invalid ${name}: ${error.message}`);
  }
}
console.log(`${file}: ${objects.length - invalid} of ${objects.length} objects valid against the Kubernetes schemas`);
process.exit(invalid > 0 || objects.length === 0 ? 1 : 0);
