// Start GOV.UK Frontend's components on pages that have them. Pages work without this.
import { initAll } from '../govuk/govuk-frontend.min.js'

initAll()
