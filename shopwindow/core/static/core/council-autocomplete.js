// Turns each council <select data-council-picker> into GOV.UK's accessible-autocomplete (npm
// package, laid out by `make frontend`). Without JavaScript, or if this fails, the plain GOV.UK
// select still works: the select stays in the form and carries the value.

const MAX_RESULTS = 20

function normalise (text) {
  return text.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim()
}

function optionsOf (select) {
  return Array.from(select.options).filter((option) => option.value)
}

// Names that start with what was typed come first, then names that contain it.
function sourceFor (texts) {
  return (query, populateResults) => {
    const q = normalise(query)
    const starts = []
    const contains = []
    for (const text of texts) {
      const name = normalise(text)
      if (name.startsWith(q)) starts.push(text)
      else if (name.includes(q)) contains.push(text)
    }
    populateResults(starts.concat(contains).slice(0, MAX_RESULTS))
  }
}

function enhance (select) {
  const options = optionsOf(select)
  const byText = new Map(options.map((option) => [option.text, option]))
  const id = select.id
  const describedBy = select.getAttribute('aria-describedby')
  const chosen = select.selectedOptions[0]
  window.accessibleAutocomplete.enhanceSelectElement({
    selectElement: select,
    defaultValue: chosen && chosen.value ? chosen.text : '',
    source: sourceFor(options.map((option) => option.text)),
    minLength: 1,
    // No autoselect: its ghost-text hint is an unlabelled input (axe: label).
    autoselect: false,
    // Over the page, so closing the list does not move the button under the pointer.
    displayMenu: 'overlay',
    showNoOptionsFound: true,
    inputClasses: select.classList.contains('govuk-select--error') ? 'govuk-input--error' : '',
    tNoResults: () => 'No councils match',
    tStatusNoResults: () => 'No councils match',
    onConfirm: (text) => {
      const option = byText.get(text)
      if (option) select.value = option.value
    }
  })
  const input = document.getElementById(id)
  if (input && describedBy) {
    const own = input.getAttribute('aria-describedby')
    input.setAttribute('aria-describedby', own ? `${describedBy} ${own}` : describedBy)
  }
  // A name typed but not chosen from the list, or a cleared box, chooses no council: the
  // server then says "Select a council" rather than keeping an earlier choice.
  select.form?.addEventListener('submit', () => {
    const typed = input ? normalise(input.value) : ''
    const match = options.find((option) => normalise(option.text) === typed)
    select.value = match ? match.value : ''
  })
}

if (window.accessibleAutocomplete) {
  document.querySelectorAll('select[data-council-picker]').forEach(enhance)
}
