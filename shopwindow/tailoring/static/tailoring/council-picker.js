// Turns the council <select> into an accessible combobox, following the WAI-ARIA Authoring
// Practices "editable combobox with list autocomplete" pattern. Without JavaScript (or if this
// fails) the plain GOV.UK select still works: this only hides it and keeps its value in step.

const MAX_RESULTS = 20

function normalise (text) {
  return text.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim()
}

function matchesFor (options, query) {
  const q = normalise(query)
  if (!q) return options.slice(0, MAX_RESULTS)
  const starts = []
  const contains = []
  for (const option of options) {
    const text = normalise(option.text)
    if (text.startsWith(q)) starts.push(option)
    else if (text.includes(q)) contains.push(option)
  }
  return starts.concat(contains).slice(0, MAX_RESULTS)
}

function enhance (select) {
  const options = Array.from(select.options)
    .filter((option) => option.value)
    .map((option) => ({ value: option.value, text: option.text }))
  const id = select.id
  const listId = `${id}-listbox`
  const label = document.querySelector(`label[for="${id}"]`)
  if (!label) return
  label.id = label.id || `${id}-label`

  const wrapper = document.createElement('div')
  wrapper.className = 'sw-combobox'
  const input = document.createElement('input')
  input.type = 'text'
  input.id = id
  input.className = 'govuk-input'
  if (select.classList.contains('govuk-select--error')) input.classList.add('govuk-input--error')
  input.autocomplete = 'off'
  input.spellcheck = false
  input.setAttribute('role', 'combobox')
  input.setAttribute('aria-autocomplete', 'list')
  input.setAttribute('aria-expanded', 'false')
  input.setAttribute('aria-controls', listId)
  const describedBy = select.getAttribute('aria-describedby')
  if (describedBy) input.setAttribute('aria-describedby', describedBy)
  const selected = select.selectedOptions[0]
  input.value = selected && selected.value ? selected.text : ''

  const listbox = document.createElement('ul')
  listbox.id = listId
  listbox.className = 'govuk-body sw-combobox__listbox'
  listbox.setAttribute('role', 'listbox')
  listbox.setAttribute('aria-labelledby', label.id)
  listbox.hidden = true

  const status = document.createElement('div')
  status.className = 'govuk-visually-hidden'
  status.setAttribute('role', 'status')

  select.id = `${id}-select`
  select.removeAttribute('aria-describedby')
  select.hidden = true
  select.after(wrapper)
  wrapper.append(input, listbox, status)

  let matches = []
  let active = -1

  function setActive (index) {
    const items = listbox.children
    if (active >= 0 && items[active]) {
      items[active].classList.remove('sw-combobox__option--active')
      items[active].setAttribute('aria-selected', 'false')
    }
    active = index
    if (active >= 0 && items[active]) {
      items[active].classList.add('sw-combobox__option--active')
      items[active].setAttribute('aria-selected', 'true')
      input.setAttribute('aria-activedescendant', items[active].id)
      items[active].scrollIntoView({ block: 'nearest' })
    } else {
      input.removeAttribute('aria-activedescendant')
    }
  }

  function close () {
    listbox.hidden = true
    input.setAttribute('aria-expanded', 'false')
    setActive(-1)
  }

  function open () {
    matches = matchesFor(options, input.value)
    listbox.replaceChildren(...matches.map((match, index) => {
      const item = document.createElement('li')
      item.id = `${listId}-${index}`
      item.className = 'sw-combobox__option'
      item.setAttribute('role', 'option')
      item.setAttribute('aria-selected', 'false')
      item.textContent = match.text
      // mousedown, not click: keep focus in the input so the list does not close first.
      item.addEventListener('mousedown', (event) => {
        event.preventDefault()
        choose(index)
      })
      return item
    }))
    active = -1
    input.removeAttribute('aria-activedescendant')
    const expanded = matches.length > 0
    listbox.hidden = !expanded
    input.setAttribute('aria-expanded', String(expanded))
    status.textContent = expanded
      ? `${matches.length} ${matches.length === 1 ? 'council' : 'councils'} found. Use the up and down arrows to choose.`
      : 'No councils match'
  }

  function choose (index) {
    const match = matches[index]
    if (!match) return
    input.value = match.text
    select.value = match.value
    close()
    status.textContent = `${match.text} chosen`
  }

  function syncExact () {
    // Typing a council's full name counts as choosing it; anything else leaves no choice.
    const typed = normalise(input.value)
    const exact = options.find((option) => normalise(option.text) === typed)
    select.value = exact ? exact.value : ''
  }

  input.addEventListener('input', () => {
    syncExact()
    open()
  })
  input.addEventListener('keydown', (event) => {
    const expanded = !listbox.hidden
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      if (!expanded) open()
      if (matches.length) setActive(Math.min(active + 1, matches.length - 1))
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      if (expanded && matches.length) setActive(Math.max(active - 1, 0))
    } else if (event.key === 'Enter' && expanded && active >= 0) {
      event.preventDefault()
      choose(active)
    } else if (event.key === 'Escape') {
      if (expanded) close()
      else {
        input.value = ''
        select.value = ''
      }
    }
  })
  input.addEventListener('blur', close)
  input.form?.addEventListener('submit', syncExact)
}

document.querySelectorAll('select[data-council-picker]').forEach(enhance)
